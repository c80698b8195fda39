package org.concord.localstack;

/**
 * A reason the local stack cannot start or go on, phrased for the developer: one line, no stack trace.
 * A {@code null} message means there is nothing to say (the developer pressed Ctrl-C).
 */
final class LaunchException extends RuntimeException {

    static final int FAILED = 1;
    static final int USAGE = 2;
    /** As a shell reports a process ended by Ctrl-C. */
    static final int INTERRUPTED = 130;

    private final int exitCode;

    LaunchException(String message) {
        this(message, FAILED);
    }

    LaunchException(String message, int exitCode) {
        this(message, exitCode, null);
    }

    LaunchException(String message, Throwable cause) {
        this(message, FAILED, cause);
    }

    LaunchException(String message, int exitCode, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** The innermost cause's message, or its type when it has none: what a developer can act on. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
