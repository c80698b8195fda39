-- Every consumer is recorded as <service>.<binding function> (the platform's EventConsumer): keep what the two
-- consumers processed under their earlier names, so nothing is applied twice after an upgrade.
UPDATE processed_event SET consumer = 'notifications-service.agreementEvents' WHERE consumer = 'notifications-service:agreements';
UPDATE processed_event SET consumer = 'notifications-service.regionEvents' WHERE consumer = 'notifications-service:regions';

-- Idempotency-Key of POST /api/subscriptions is the platform's (table idempotency_key), as for every other POST.
ALTER TABLE subscription DROP COLUMN idempotency_key;
