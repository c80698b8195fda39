-- The local replica of regions.v1 (last version wins): who may be a party, without asking regions-service.
CREATE TABLE region_replica (
    code              VARCHAR(6)   PRIMARY KEY,
    name              VARCHAR(300) NOT NULL,
    signing_authority VARCHAR(500),
    active            BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
