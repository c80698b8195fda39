package org.concord.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Examples of an operation's request in its OpenAPI document, on its request body: each names a file
 * {@code openapi/examples/<name>.json} of the service's resources (an OpenAPI Example Object: {@code summary},
 * {@code value}), e.g. {@code @RequestExample("region-registration")}. Redocly checks each example against the schema.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequestExample {

    String[] value();
}
