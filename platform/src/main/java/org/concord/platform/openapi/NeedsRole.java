package org.concord.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the role an operation needs (one of {@link org.concord.platform.security.Roles}), in its OpenAPI
 * security requirement and description, with a 403 response. It enforces nothing: the platform's security and the
 * service's {@link org.concord.platform.security.AccessRules} do, and each service's access test checks that the
 * committed document says what they enforce. Without it an operation is documented as open to any valid token.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NeedsRole {

    /** The role; a token with any one of several roles, if more are given. */
    String[] value();
}
