-- H2 only (db/{vendor}/<service>, spring.flyway.locations). An identity column hands out numbers from a cache of 32 by
-- default, and when the cache is used up H2 writes the new high-water mark in a commit of its own: at a few
-- numbers per signature that was about half of what notifications-service spent writing commits
-- (benchmarks/README.md, twelfth session). With a cache of 1000 the mark is written every 1000 numbers. The numbers
-- keep their order (H2 hands them out from one counter per column); a crash only leaves a gap of up to 1000.
-- Not on PostgreSQL, where a cache is per connection and would hand out numbers out of order across connections.

ALTER TABLE outbox_event ALTER COLUMN seq SET CACHE 1000;
ALTER TABLE agreement_history ALTER COLUMN seq SET CACHE 1000;
