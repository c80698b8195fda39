-- The trace context of the event's consumption, stored with each delivery it queued: the parent of the span of
-- every webhook POST of that delivery (docs/observability.md).
ALTER TABLE webhook_delivery ADD COLUMN traceparent VARCHAR(64);
