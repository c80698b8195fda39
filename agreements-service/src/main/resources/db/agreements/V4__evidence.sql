-- The evidence of a signing (docs/evidence.md).
--
-- agreement_history becomes a hash chain: each entry gets its place in its agreement's history (entry_seq, from 1;
-- seq stays the row's id), the hash of the entry before (previous_hash, 64 zeros for the first), its own hash, and
-- the RFC 8785 form it was hashed from (hashed), kept as it was hashed so that it is never serialised again to be
-- checked. V5 chains the entries already there; V6 then requires the columns and one entry per seq.
ALTER TABLE agreement_history ADD COLUMN entry_seq BIGINT;
ALTER TABLE agreement_history ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE agreement_history ADD COLUMN hash VARCHAR(64);
ALTER TABLE agreement_history ADD COLUMN hashed VARCHAR;

-- How each signature was made: 'jws' with the signatory's compact JWS and the region's public key (a JWK) it
-- verified with, kept because the region may rotate its keys later; or 'bearer-token', as every signature made
-- before regions had keys was.
ALTER TABLE agreement_party ADD COLUMN signature_method VARCHAR(20);
ALTER TABLE agreement_party ADD COLUMN signature_jws VARCHAR(8000);
ALTER TABLE agreement_party ADD COLUMN signature_key VARCHAR(2000);
UPDATE agreement_party SET signature_method = 'bearer-token' WHERE signed_at IS NOT NULL;

-- The keys each region registered to sign with (a JWK set), as regions.v1 carries them; null when none.
ALTER TABLE region_replica ADD COLUMN keys_json VARCHAR;
