-- A claim names the instance that holds it, by a name that stays the same across the instance's restarts. An instance
-- that starts gives back the claims it held before it died, so their deliveries are sent at once instead of after the
-- claim has expired (docs/operations.md, "Claims").
ALTER TABLE webhook_delivery ADD COLUMN claimed_by VARCHAR(255);
