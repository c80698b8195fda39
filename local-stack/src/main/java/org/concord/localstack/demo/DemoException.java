package org.concord.localstack.demo;

/** Why the demo cannot go on, phrased for the developer running it: one line, no stack trace. */
public final class DemoException extends RuntimeException {

    DemoException(String message) {
        super(message, null, false, false);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
