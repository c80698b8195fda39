-- The outbox relay asks for unpublished rows in seq order (WHERE published_at IS NULL ORDER BY seq LIMIT n), and the
-- backlog gauge counts them. Published rows stay in the table, so without this index each question read every row
-- ever published: under load that scan was the largest cost of the service (benchmarks/README.md). With it, both
-- read only the unpublished rows (published_at NULL sorts together), already in seq order.
CREATE INDEX outbox_event_unpublished ON outbox_event (published_at, seq);
