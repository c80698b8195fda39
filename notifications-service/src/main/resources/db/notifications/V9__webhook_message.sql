-- An event's payload is stored once, as a message, not once per delivery (as Svix does): every event was queued with
-- a copy of its payload for each subscription that wanted it, and every UPDATE of a delivery (claim, attempt, end)
-- rewrote that copy; H2 writing those rows was all the extra CPU five failing endpoints cost the service (issue 14,
-- benchmarks/README.md "Isolation"). A delivery now refers to its event's message; the dispatcher reads the payload
-- with the due deliveries it sends. The payloads of one event are all the same: one of them is kept.
CREATE TABLE webhook_message (
    event_id   VARCHAR(64)  PRIMARY KEY,
    event_type VARCHAR(100) NOT NULL,
    payload    VARCHAR      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO webhook_message (event_id, event_type, payload, created_at)
    SELECT event_id, MIN(event_type), MIN(payload), MIN(created_at) FROM webhook_delivery GROUP BY event_id;
ALTER TABLE webhook_delivery DROP COLUMN payload;
-- No delivery without its message: the dispatcher's join would never see it. The key needs an index led by
-- event_id; the one that keeps a delivery once per subscription becomes it (event_id first), so a delivery's insert
-- writes no index more than before. A delivery's event_id never changes: no UPDATE of a delivery checks the key.
ALTER TABLE webhook_delivery DROP CONSTRAINT delivery_once_per_subscription;
ALTER TABLE webhook_delivery ADD CONSTRAINT delivery_once_per_subscription UNIQUE (event_id, subscription_id);
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_message FOREIGN KEY (event_id)
    REFERENCES webhook_message (event_id);
