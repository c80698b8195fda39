-- The public keys each region's signatories sign agreements with (a JWK set, docs/evidence.md), carried by every
-- regions.v1 snapshot; null when it has registered none.
ALTER TABLE region ADD COLUMN keys_json VARCHAR;

-- Which region registered each key, by its RFC 7638 thumbprint: one key belongs to one region at most, or one
-- region could sign as another.
CREATE TABLE region_signing_key (
    thumbprint  VARCHAR(43) PRIMARY KEY,
    region_code VARCHAR(6)  NOT NULL REFERENCES region (code)
);

CREATE INDEX region_signing_key_by_region ON region_signing_key (region_code);
