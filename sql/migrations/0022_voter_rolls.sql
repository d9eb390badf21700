-- The voter roll of each decision, fixed when it opens: the members entitled to vote then (active,
-- a member since before the vote opened, and as long and with as many shares as the statutes
-- ask), each with their weight and a code of their own, by which a member finds themself on the
-- published roll. Later joiners may follow the vote but not vote; the quorum is measured against
-- the roll.
CREATE TABLE decision_roll (
  decision_id BIGINT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  weight BIGINT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (decision_id, person_id)
);
ALTER TABLE decisions ADD COLUMN roll_fixed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statutes ADD COLUMN voting_min_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE statutes ADD COLUMN voting_min_shares BIGINT NOT NULL DEFAULT 0;
