package org.concord.platform.web;

/**
 * A refusal of the domain: the request was understood but breaks a rule. Each refusal is a named subclass
 * (or instance) with its {@link Kind}, which decides the HTTP status of the problem detail, and a message a
 * user can act on.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal, and the HTTP status it maps to. */
    public enum Kind {
        BAD_REQUEST(400, "Bad Request"),
        FORBIDDEN(403, "Forbidden"),
        NOT_FOUND(404, "Not Found"),
        CONFLICT(409, "Conflict"),
        PRECONDITION_FAILED(412, "Precondition Failed"),
        UNPROCESSABLE(422, "Unprocessable Content"),
        PRECONDITION_REQUIRED(428, "Precondition Required");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;

    public DomainException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
