-- Every consumer is recorded as <service>.<binding function> (the platform's EventConsumer): keep what the
-- portfolio consumer processed under its earlier name, so nothing is applied twice after an upgrade.
UPDATE processed_event SET consumer = 'regions-service.agreementEvents' WHERE consumer = 'regions-service.portfolio';
