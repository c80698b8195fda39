-- The portfolio projection: the agreements each region is party to, built from agreements.v1.
-- Each event carries the agreement's full snapshot; a row keeps the latest snapshot seen (highest
-- version), so applying events in any order, or again, gives the same rows. It can be dropped and
-- rebuilt from the topic at any time (POST /api/admin/portfolio/rebuild). No foreign key to region:
-- the projection records what the agreements say, whatever the registry holds.
CREATE TABLE portfolio_agreement (
    agreement_id VARCHAR(36)  PRIMARY KEY,
    title        VARCHAR(1000) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE TABLE portfolio_party (
    agreement_id VARCHAR(36) NOT NULL REFERENCES portfolio_agreement (agreement_id) ON DELETE CASCADE,
    region       VARCHAR(6)  NOT NULL,
    position     INT         NOT NULL,
    signed       BOOLEAN     NOT NULL,
    signed_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (agreement_id, region)
);

CREATE INDEX portfolio_party_region ON portfolio_party (region);
