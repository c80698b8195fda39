package org.concord.evidence;

import java.util.Arrays;
import java.util.Optional;

/** How a signature in the history was made: the {@code method} of a signature entry's {@code details.signature}. */
public enum SignatureMethod {

    /** With the signatory's own key: {@code details.signature.jws} holds its compact JWS. */
    JWS("jws"),

    /**
     * Only with a bearer token the service accepted: the record of it is the operator's word, which no one can
     * check without the operator.
     */
    BEARER_TOKEN("bearer-token");

    private final String value;

    SignatureMethod(String value) {
        this.value = value;
    }

    /** The value in the bundle. */
    public String value() {
        return value;
    }

    public static Optional<SignatureMethod> of(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
