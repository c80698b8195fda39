-- The webhook backlog gauges (docs/observability.md) count the pending deliveries and find the oldest due one. The
-- per-endpoint index (V5) starts with subscription_id, so without this one each refresh read an entry of every
-- delivery ever queued, delivered ones included; with it, only the pending ones, in next_attempt_at order.
CREATE INDEX webhook_delivery_pending ON webhook_delivery (status, next_attempt_at);
