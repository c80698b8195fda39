package org.concord.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request the load made and the answer it got, in the manner of a Jepsen history: an operation is invoked,
 * then completes {@code ok} (2xx: it happened), {@code fail} (a definite refusal, or the connection was refused: it
 * did not happen) or {@code info} (no answer, a timeout, a reset, a 5xx: it may or may not have happened). Each event
 * is also written to a JSON-lines file as it happens.
 */
final class History implements AutoCloseable {

    enum Kind { DRAFT, OPEN, SIGN }

    enum Outcome { OK, FAIL, UNKNOWN }

    /** One request: what was asked of which service instance, when, and (once answered) how it ended. */
    record Operation(long id, Kind kind, String agreementId, String party, String target, Instant invoked,
            Instant answered, Outcome outcome, int status, String detail) {

        boolean isAcknowledged() {
            return outcome == Outcome.OK;
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Operation> operations = new LinkedHashMap<>();
    private final BufferedWriter log;

    History(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.log = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operation starts; returns it, to be completed with {@link #complete}. */
    synchronized Operation invoke(Kind kind, String agreementId, String party, String target) {
        Operation operation = new Operation(ids.incrementAndGet(), kind, agreementId, party, target, Instant.now(), null, null, 0, null);
        operations.put(operation.id(), operation);
        write(Map.of("op", operation.id(), "phase", "invoke", "kind", kind.name().toLowerCase(), "agreement", String.valueOf(agreementId),
                "party", String.valueOf(party), "target", target, "at", operation.invoked().toString()));
        return operation;
    }

    synchronized Operation complete(Operation invoked, Outcome outcome, int status, String agreementId, String detail) {
        Operation done = new Operation(invoked.id(), invoked.kind(), agreementId != null ? agreementId : invoked.agreementId(),
                invoked.party(), invoked.target(), invoked.invoked(), Instant.now(), outcome, status, detail);
        operations.put(done.id(), done);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", done.id());
        line.put("phase", switch (outcome) {
            case OK -> "ok";
            case FAIL -> "fail";
            case UNKNOWN -> "info";
        });
        line.put("status", status);
        line.put("agreement", String.valueOf(done.agreementId()));
        line.put("at", done.answered().toString());
        if (detail != null) {
            line.put("detail", detail);
        }
        write(line);
        return done;
    }

    synchronized List<Operation> operations() {
        return new ArrayList<>(operations.values());
    }

    /** Signatures answered 2xx up to {@code until}. */
    synchronized List<Operation> acknowledgedSignatures(Instant until) {
        return operations.values().stream()
                .filter(operation -> operation.kind() == Kind.SIGN && operation.isAcknowledged() && !operation.answered().isAfter(until))
                .toList();
    }

    private void write(Map<String, ?> line) {
        try {
            log.write(Http.JSON.writeValueAsString(line));
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }
}
