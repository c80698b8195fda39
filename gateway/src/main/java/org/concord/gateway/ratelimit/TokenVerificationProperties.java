package org.concord.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks bearer tokens: the services' settings ({@code concord.security.*}, the same
 * {@code CONCORD_SECURITY_*} variables), read here only to know which client sent a request.
 *
 * @param enabled         false: no token is trusted, every client is known by its address
 * @param issuer          the {@code iss} a token must carry
 * @param audience        a value its {@code aud} must contain
 * @param jwkSetUri       the issuer's JWKS endpoint (production); or
 * @param publicKey       a PEM RSA public key, e.g. {@code file:.data/keys/public.pem} (the local stack's)
 * @param queryTokenPaths paths where the token may come as {@code ?access_token=} (the live feed)
 */
@ConfigurationProperties("concord.security")
public record TokenVerificationProperties(boolean enabled, String issuer, String audience, String jwkSetUri,
        String publicKey, List<String> queryTokenPaths) {

    public TokenVerificationProperties {
        queryTokenPaths = queryTokenPaths == null ? List.of() : List.copyOf(queryTokenPaths);
    }
}
