package org.concord.platform.cloudevents;

/** A record that is not a valid Concord CloudEvent: retrying cannot help, it belongs in the dead-letter topic. */
public class InvalidCloudEvent extends RuntimeException {

    public InvalidCloudEvent(String message) {
        super(message);
    }

    public InvalidCloudEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
