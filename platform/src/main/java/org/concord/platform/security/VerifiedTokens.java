package org.concord.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers bearer tokens whose signature was verified, so that a client sending the same token again does not cost
 * another RS256 verification (a modular exponentiation, 8 % of agreements-service's CPU under load). A remembered
 * token is validated again on every use (expiry, issuer, audience), and forgotten after {@code keepFor} at the latest,
 * so a signing key withdrawn from the key set stops being honoured within that time. Keyed by the whole token, its
 * signature included: a token altered in any byte is a different token and is verified.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private record Verified(Jwt jwt, Instant forgetAt) {
    }

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration keepFor;
    private final Clock clock;
    private final Map<String, Verified> remembered;

    public VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity,
            Duration keepFor, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.keepFor = keepFor;
        this.clock = clock;
        this.remembered = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified verified = recall(token);
        if (verified != null) {
            var result = validator.validate(verified.jwt());
            if (!result.hasErrors()) {
                return Mono.just(verified.jwt());
            }
            forget(token);
            return Mono.error(new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors()));
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private synchronized Verified recall(String token) {
        Verified verified = remembered.get(token);
        if (verified != null && !clock.instant().isBefore(verified.forgetAt())) {
            remembered.remove(token);
            return null;
        }
        return verified;
    }

    private synchronized void remember(String token, Jwt jwt) {
        remembered.put(token, new Verified(jwt, clock.instant().plus(keepFor)));
    }

    private synchronized void forget(String token) {
        remembered.remove(token);
    }
}
