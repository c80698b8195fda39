package org.concord.evidence;

/** Evidence that cannot be read or does not hold: malformed JSON, an unusable key, a JWS that does not verify. */
public class EvidenceException extends RuntimeException {

    public EvidenceException(String message) {
        super(message);
    }

    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
