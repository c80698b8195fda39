-- Idempotent consumers: the ce_id of every event a consumer has applied, written in the same
-- transaction as the effect, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer     VARCHAR(200) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
