package org.concord.benchmarks;

/** The benchmark cannot go on; the message says why and what to do. */
final class BenchmarkException extends RuntimeException {

    BenchmarkException(String message) {
        super(message);
    }

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
