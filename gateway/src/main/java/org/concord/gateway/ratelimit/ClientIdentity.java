package org.concord.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Which client a request comes from: the subject of its bearer token when the token verifies as the services
 * verify it (RS256, {@code exp}, issuer, audience), otherwise its remote address. An unverified token counts as its
 * sender's address, so nobody can spend another client's budget by writing that client's subject into a token.
 */
public final class ClientIdentity {

    private static final String BEARER = "Bearer ";

    private final ReactiveJwtDecoder decoder;
    private final List<String> queryTokenPaths;

    private ClientIdentity(ReactiveJwtDecoder decoder, List<String> queryTokenPaths) {
        this.decoder = decoder;
        this.queryTokenPaths = queryTokenPaths;
    }

    /** Verifies tokens as configured; with verification off, every client is known by its address. */
    public static ClientIdentity of(TokenVerificationProperties properties) {
        return new ClientIdentity(properties.enabled() ? decoder(properties) : null, properties.queryTokenPaths());
    }

    /** {@code subject:<sub>} or {@code address:<ip>}. */
    public Mono<String> of(ServerHttpRequest request) {
        String token = token(request);
        Mono<String> byAddress = Mono.fromSupplier(() -> "address:" + address(request));
        if (token == null || decoder == null) {
            return byAddress;
        }
        return decoder.decode(token)
                .map(jwt -> "subject:" + jwt.getSubject())
                .onErrorResume(invalid -> byAddress);
    }

    private String token(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        if (queryTokenPaths.contains(request.getPath().value())) {
            return request.getQueryParams().getFirst("access_token");
        }
        return null;
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static ReactiveJwtDecoder decoder(TokenVerificationProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(TokenVerificationProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
    }

    private static RSAPublicKey publicKey(TokenVerificationProperties properties) {
        Resource key = properties.publicKey() == null || properties.publicKey().isBlank() ? null
                : new DefaultResourceLoader().getResource(properties.publicKey());
        if (key == null || !key.exists()) {
            throw new IllegalStateException((key == null
                    ? "no token verification key configured"
                    : "no token verification key: concord.security.public-key " + properties.publicKey() + " does not exist")
                    + ". Set CONCORD_SECURITY_JWK_SET_URI to your issuer's JWKS endpoint, or CONCORD_SECURITY_PUBLIC_KEY"
                    + " to a PEM file (the services' key), or CONCORD_SECURITY_ENABLED=false to know clients by address only.");
        }
        try {
            String pem = key.getContentAsString(java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the token verification key " + properties.publicKey() + ": "
                    + e.getMessage(), e);
        }
    }
}
