-- Per-endpoint isolation of webhook deliveries (benchmarks/README.md, isolation).
-- After a failed attempt an endpoint is left alone until backoff_until: none of its queued deliveries is tried before.
ALTER TABLE subscription ADD COLUMN backoff_until TIMESTAMP WITH TIME ZONE;
-- The dispatcher asks each endpoint it can send to for its oldest due deliveries, as many as it has free slots. With
-- only (status, next_attempt_at) every question read the due rows of every endpoint, payload and all, a failing
-- endpoint's whole backlog first; this index reads the rows of one endpoint, and the old one is no longer used.
CREATE INDEX webhook_delivery_due_per_endpoint ON webhook_delivery (subscription_id, status, next_attempt_at);
DROP INDEX webhook_delivery_due;
