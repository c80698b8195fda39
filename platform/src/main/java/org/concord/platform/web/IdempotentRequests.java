package org.concord.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.r2dbc.spi.Readable;
import org.concord.platform.domain.DomainException;
import org.concord.platform.persistence.Sql;
import org.concord.platform.usecase.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one {@code Idempotency-Key} behaviour of every POST that takes the header (after the IETF draft "The
 * Idempotency-Key HTTP Header Field"): a client that is unsure whether its request went through sends it again
 * with the same key and gets the first response again (its status, Location, ETag and body, plus
 * {@code Idempotent-Replayed: true}) instead of a second region, agreement, signature or subscription. The same key
 * with a different body is a 422; a key that is not 1 to 255 visible ASCII characters a 400. A refused request
 * stores nothing, so it can be corrected and sent again under the same key.
 *
 * <p>The first response is stored in the same transaction as the change it reports (the action runs through
 * {@link UseCases}), so either both exist or neither does. Two requests with one key racing each other: the
 * second one's insert collides on the primary key, its transaction is rolled back and run again, and it replays
 * the first one's response. Keys are scoped by method and path, and kept for {@code concord.idempotency.retention}
 * (24 h). A body that is shown only once (a subscription's secret) implements {@link ShownOnce}: what is stored,
 * and replayed, is its {@link ShownOnce#replayed()} form.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private final DatabaseClient db;
    private final UseCases useCases;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;

    /** A response body with parts shown in the first response only: a replay shows {@link #replayed()} instead. */
    public interface ShownOnce {
        Object replayed();
    }

    public IdempotentRequests(DatabaseClient db, UseCases useCases, JsonMapper json, Clock clock,
            Duration retention) {
        this.db = db;
        this.useCases = useCases;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Runs {@code action} (a use case and its response); with an {@code Idempotency-Key} ({@code key} not null) only
     * once, in one transaction with the record of its response: a response to ({@code scope}, {@code key}) stored
     * earlier is replayed if {@code request} is the same, else refused.
     *
     * @param scope   method and path, e.g. {@code POST /api/agreements}
     * @param request the parsed request body (its JSON is the request's fingerprint)
     */
    public Mono<ResponseEntity<?>> respond(String key, String scope, Object request,
            Supplier<Mono<? extends ResponseEntity<?>>> action) {
        if (key == null) {
            return action.get().map(response -> response);
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(new DomainException(DomainException.Meaning.MALFORMED,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good key)"));
        }
        String fingerprint = sha256(json.writeValueAsBytes(request));
        return useCases.run(() -> forgetExpired(scope, key)
                .then(find(scope, key))
                .<ResponseEntity<?>>flatMap(stored -> replay(stored, key, fingerprint))
                .switchIfEmpty(Mono.defer(() -> action.get()
                        .flatMap(first -> insert(scope, key, fingerprint, toStored(first)).thenReturn(first)))));
    }

    /** Forgets responses older than the retention period. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetExpired() {
        db.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .bind("cutoff", cutoff())
                .fetch().rowsUpdated()
                .doOnNext(rows -> log.debug("forgot {} expired idempotency keys", rows))
                .onErrorResume(e -> {
                    log.warn("could not forget expired idempotency keys: {}", e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofMinutes(1));
    }

    /** A response as stored: enough to send it again byte for byte. */
    private record Stored(String requestHash, int status, String location, String etag, String body) {

        ResponseEntity<byte[]> response(boolean replayed) {
            var headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            if (location != null) {
                headers.set(HttpHeaders.LOCATION, location);
            }
            if (etag != null) {
                headers.setETag(etag);
            }
            if (replayed) {
                headers.set(REPLAYED, "true");
            }
            return ResponseEntity.status(status).headers(headers).body(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Mono<ResponseEntity<byte[]>> replay(Stored stored, String key, String fingerprint) {
        if (!stored.requestHash().equals(fingerprint)) {
            return Mono.error(new DomainException(DomainException.Meaning.INVALID, "Idempotency-Key " + key
                    + " was already used for a different request; use a new key for a new request"));
        }
        return Mono.just(stored.response(true));
    }

    private Stored toStored(ResponseEntity<?> response) {
        HttpHeaders headers = response.getHeaders();
        String location = headers.getLocation() == null ? null : headers.getLocation().toString();
        Object body = response.getBody() instanceof ShownOnce once ? once.replayed() : response.getBody();
        return new Stored(null, response.getStatusCode().value(), location, headers.getETag(),
                json.writeValueAsString(body));
    }

    private Mono<Stored> find(String scope, String key) {
        return db.sql("SELECT request_hash, status, location, etag, body FROM idempotency_key "
                        + "WHERE scope = :scope AND idempotency_key = :key")
                .bind("scope", scope)
                .bind("key", key)
                .map((Readable row) -> toStored(row))
                .one();
    }

    private Mono<Void> insert(String scope, String key, String fingerprint, Stored response) {
        var insert = db.sql("INSERT INTO idempotency_key (scope, idempotency_key, request_hash, status, location, etag, "
                        + "body, created_at) VALUES (:scope, :key, :hash, :status, :location, :etag, :body, :now)")
                .bind("scope", scope)
                .bind("key", key)
                .bind("hash", fingerprint)
                .bind("status", response.status())
                .bind("body", response.body())
                .bind("now", Sql.utc(clock.instant()));
        insert = Sql.bind(insert, "location", response.location(), String.class);
        return Sql.bind(insert, "etag", response.etag(), String.class).then()
                .onErrorMap(DataIntegrityViolationException.class, e -> new OptimisticLockingFailureException(
                        "another request with Idempotency-Key " + key + " completed first", e));
    }

    private Mono<Void> forgetExpired(String scope, String key) {
        return db.sql("DELETE FROM idempotency_key WHERE scope = :scope AND idempotency_key = :key AND created_at < :cutoff")
                .bind("scope", scope)
                .bind("key", key)
                .bind("cutoff", cutoff())
                .then();
    }

    private OffsetDateTime cutoff() {
        return Sql.utc(clock.instant().minus(retention));
    }

    private static Stored toStored(Readable row) {
        return new Stored(row.get("request_hash", String.class), row.get("status", Integer.class),
                row.get("location", String.class), row.get("etag", String.class), row.get("body", String.class));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
