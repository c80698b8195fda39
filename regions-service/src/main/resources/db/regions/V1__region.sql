-- The region registry. A region is never deleted: deactivation sets active = FALSE and keeps the row.
-- announced: an event carrying this region's snapshot has been appended to the outbox. Rows inserted
-- by a migration (the reference data) start unannounced; the service appends a
-- concord.region.registered event for each of them at startup (ReferenceDataAnnouncer) and sets the
-- flag in the same transaction. Every change made through the service sets it together with its
-- own outbox row.
CREATE TABLE region (
    code              VARCHAR(6)   PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    native_name       VARCHAR(200) NOT NULL,
    region_type       VARCHAR(40)  NOT NULL,
    country           VARCHAR(2)   NOT NULL,
    capital           VARCHAR(200),
    signing_authority VARCHAR(200),
    contact_email     VARCHAR(254),
    active            BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL,
    announced         BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE INDEX region_country ON region (country);
