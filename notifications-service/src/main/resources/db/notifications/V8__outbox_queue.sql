-- The outbox becomes a queue: the relay deletes the rows the broker acknowledged instead of marking them published
-- (platform OutboxRelay). Published rows kept the table and its indexes growing with every event, and every commit
-- rewrites the B-tree pages it touches (issue 14, benchmarks/README.md). The rows already published go, and with
-- them the index on published_at (V4) and the column: every row left is an event not yet published.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;
