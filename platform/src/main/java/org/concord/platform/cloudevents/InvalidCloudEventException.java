package org.concord.platform.cloudevents;

/** A record that is not a valid Concord CloudEvent: retrying cannot help, it belongs in the dead-letter topic. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String message) {
        super(message);
    }

    public InvalidCloudEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
