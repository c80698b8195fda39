package org.concord.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service verifies bearer tokens ({@code concord.security.*}).
 *
 * @param enabled   false only for tests that are not about security
 * @param issuer    the {@code iss} every token must carry
 * @param audience  a value the token's {@code aud} must contain
 * @param jwkSetUri the issuer's JWKS endpoint (production); or
 * @param queryTokenPaths paths that also accept the token as {@code ?access_token=} (Server-Sent Events: a
 *                  browser's EventSource cannot send headers)
 * @param publicKey location of a PEM RSA public key, e.g. {@code file:.data/keys/public.pem} (the local stack's)
 */
@ConfigurationProperties("concord.security")
public record SecurityProperties(boolean enabled, String issuer, String audience, String jwkSetUri, String publicKey,
        java.util.List<String> queryTokenPaths) {
}
