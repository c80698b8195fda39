-- Every entry is a link of its agreement's hash chain (chained by V5 or written so), and no two entries of one
-- agreement can claim the same place in it: of two appends that raced for a seq, one fails and runs again.
ALTER TABLE agreement_history ALTER COLUMN entry_seq SET NOT NULL;
ALTER TABLE agreement_history ALTER COLUMN previous_hash SET NOT NULL;
ALTER TABLE agreement_history ALTER COLUMN hash SET NOT NULL;
ALTER TABLE agreement_history ALTER COLUMN hashed SET NOT NULL;
ALTER TABLE agreement_history ADD CONSTRAINT agreement_history_chain UNIQUE (agreement_id, entry_seq);
DROP INDEX agreement_history_by_agreement;
