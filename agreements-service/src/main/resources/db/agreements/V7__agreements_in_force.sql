-- Agreements as they really work (docs/lifecycle.md): entry into force, a party's withdrawal with notice,
-- amendments by protocol, term notices and automatic renewal.
--
-- provisions_json: the agreement's provisions (entry-into-force rule, quorum, withdrawal notice, renewal); null for
-- an agreement drafted before they existed, read as the defaults (on all signatures, quorum 2, 90 days' notice, no
-- renewal). term_until becomes the current term's last day (moved by each renewal).
ALTER TABLE agreement ADD COLUMN provisions_json VARCHAR(2000);
ALTER TABLE agreement ADD COLUMN in_force_since DATE;
ALTER TABLE agreement ADD COLUMN text_version INT DEFAULT 1 NOT NULL;
-- the amendment open for signature (its text, hashes and signatures), one at a time; adopted versions stay in the
-- hash-chained history (amendment-opened holds each version's text and hash)
ALTER TABLE agreement ADD COLUMN open_amendment_json VARCHAR;
-- the text as opened and signed by the parties, kept once an amendment replaced it: the evidence of the signing
ALTER TABLE agreement ADD COLUMN text_as_opened_json VARCHAR;
ALTER TABLE agreement ADD COLUMN term_notice_sent INT;
ALTER TABLE agreement ADD COLUMN renewal_objection_json VARCHAR(3000);
-- the first day something is due for the scheduler (entry into force, a withdrawal taking effect, a term notice,
-- renewal or expiry); null when nothing ever will be
ALTER TABLE agreement ADD COLUMN next_due_on DATE;
CREATE INDEX agreement_by_next_due_on ON agreement (next_due_on);

ALTER TABLE agreement_party ADD COLUMN in_force_since DATE;
ALTER TABLE agreement_party ADD COLUMN withdrawal_notified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE agreement_party ADD COLUMN withdrawal_effective_on DATE;
ALTER TABLE agreement_party ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE agreement_party ADD COLUMN withdrawn_on DATE;

-- An agreement concluded before entry into force existed (every party signed, SIGNED) enters into force on the day
-- it was concluded: due at once, so the scheduler's first run records it and publishes entered-into-force.
UPDATE agreement SET next_due_on = CAST(concluded_at AS DATE) WHERE status = 'SIGNED';
