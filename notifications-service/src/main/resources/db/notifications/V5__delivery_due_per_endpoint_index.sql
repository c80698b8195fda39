-- The dispatcher asks for due deliveries per endpoint (subscription), only of the endpoints with a free slot. With
-- only (status, next_attempt_at) each question read every due row of every endpoint, the backlog of a failing or
-- hanging endpoint included (whole rows, payload and all), on every round: under load with five failing endpoints
-- that scan was the largest cost of the service and held the healthy endpoint's deliveries back
-- (benchmarks/README.md). With this index it reads the due rows of the endpoints it can send to, and no others.
CREATE INDEX webhook_delivery_due_per_endpoint ON webhook_delivery (subscription_id, status, next_attempt_at);
