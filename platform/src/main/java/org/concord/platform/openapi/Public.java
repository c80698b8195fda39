package org.concord.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an operation anyone may call without a token: no security requirement, no 401. It enforces nothing:
 * the service's {@link org.concord.platform.security.AccessRules} do, and its access test checks the two agree.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Public {
}
