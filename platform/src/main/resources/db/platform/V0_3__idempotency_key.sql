-- Responses to creating POSTs sent with an Idempotency-Key, replayed when the same request comes again.
CREATE TABLE idempotency_key (
    scope           VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    status          INT          NOT NULL,
    location        VARCHAR(500),
    etag            VARCHAR(100),
    body            VARCHAR      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
