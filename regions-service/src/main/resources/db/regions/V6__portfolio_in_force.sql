-- Agreements in force, withdrawals and amendments (issue 17): the portfolio keeps the current text's hash and
-- version, and for each party when the agreement took effect for it and when it withdrew. A withdrawn party no
-- longer lists the agreement and is no partner through it. Rows written before stay as they were until the
-- agreement's next event (or a rebuild: POST /api/admin/portfolio/rebuild) brings the new columns.
ALTER TABLE portfolio_agreement ADD COLUMN content_hash VARCHAR(71);
ALTER TABLE portfolio_agreement ADD COLUMN text_version INT NOT NULL DEFAULT 1;
ALTER TABLE portfolio_party ADD COLUMN in_force_since DATE;
ALTER TABLE portfolio_party ADD COLUMN withdrawn_on DATE;
