-- The dispatcher claims an endpoint's due deliveries in one UPDATE per round (one commit, not one per delivery). Each
-- claim writes a token of its own; when the UPDATE claimed fewer rows than it asked for (another instance was first),
-- the token tells which ones are this instance's.
ALTER TABLE webhook_delivery ADD COLUMN claim_token UUID;
