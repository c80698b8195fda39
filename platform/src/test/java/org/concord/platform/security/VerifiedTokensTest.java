package org.concord.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final JwtTimestampValidator timestamps = timestampsAt();
    private final List<String> verified = new ArrayList<>();
    /** Verifies like the real decoder: the signature (here: every token's is good), then the claims. */
    private final ReactiveJwtDecoder verifier = token -> {
        verified.add(token);
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("CN-GX")
                .issuedAt(START).expiresAt(START.plus(Duration.ofHours(1))).build();
        var result = timestamps.validate(jwt);
        return result.hasErrors() ? Mono.error(new JwtValidationException("expired", result.getErrors())) : Mono.just(jwt);
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, timestamps, 2, Duration.ofMinutes(5), clock);

    private JwtTimestampValidator timestampsAt() {
        var validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    @Test
    void a_token_used_again_is_not_verified_again() {
        tokens.decode("token-a").block();
        Jwt again = tokens.decode("token-a").block();

        assertThat(again.getSubject()).isEqualTo("CN-GX");
        assertThat(verified).containsExactly("token-a");
    }

    @Test
    void a_token_differing_in_any_byte_is_verified() {
        tokens.decode("token-a").block();
        tokens.decode("token-a.").block();

        assertThat(verified).containsExactly("token-a", "token-a.");
    }

    @Test
    void a_remembered_token_that_expired_is_refused_without_verifying_it_again() {
        var keptLong = new VerifiedTokens(verifier, timestamps, 2, Duration.ofHours(2), clock);
        keptLong.decode("token-a").block();
        now.set(START.plus(Duration.ofHours(1)).plusSeconds(1));

        assertThatThrownBy(() -> keptLong.decode("token-a").block()).isInstanceOf(JwtValidationException.class);
        assertThat(verified).containsExactly("token-a");
    }

    @Test
    void a_remembered_token_is_verified_again_after_the_keeping_time() {
        tokens.decode("token-a").block();
        now.set(START.plus(Duration.ofMinutes(5)));
        tokens.decode("token-a").block();

        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void the_least_recently_used_token_is_forgotten_beyond_the_capacity() {
        tokens.decode("token-a").block();
        tokens.decode("token-b").block();
        tokens.decode("token-a").block();
        tokens.decode("token-c").block();
        tokens.decode("token-a").block();
        tokens.decode("token-b").block();

        assertThat(verified).containsExactly("token-a", "token-b", "token-c", "token-b");
    }

    @Test
    void a_token_that_fails_verification_is_not_remembered() {
        List<String> tried = new ArrayList<>();
        ReactiveJwtDecoder refusing = token -> {
            tried.add(token);
            return Mono.error(new BadJwtException("bad signature"));
        };
        var refusingTokens = new VerifiedTokens(refusing, timestamps, 2, Duration.ofMinutes(5), clock);

        assertThatThrownBy(() -> refusingTokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> refusingTokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(tried).containsExactly("forged", "forged");
    }
}
