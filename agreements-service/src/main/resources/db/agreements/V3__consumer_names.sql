-- Every consumer is recorded as <service>.<binding function> (the platform's EventConsumer): keep what the
-- region replica consumer processed under its earlier name.
UPDATE processed_event SET consumer = 'agreements-service.regionEvents' WHERE consumer = 'agreements-service.region-replica';
