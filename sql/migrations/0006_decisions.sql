-- Proposals with their discussion and amendments, the decisions attached to them, ballots,
-- and in-app notifications.
CREATE TABLE proposals (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  author_person_id BIGINT NOT NULL REFERENCES persons(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX proposals_community ON proposals(community_id, id);

CREATE TABLE proposal_comments (
  id {{id}},
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  parent_id BIGINT REFERENCES proposal_comments(id) ON DELETE CASCADE,
  author_person_id BIGINT NOT NULL REFERENCES persons(id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, id);

-- An amendment proposes a new text; the proposal's author or the board accepts (the text
-- replaces the proposal's) or rejects it while no decision is open.
CREATE TABLE amendments (
  id {{id}},
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  author_person_id BIGINT NOT NULL REFERENCES persons(id),
  body TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed',
  created_at BIGINT NOT NULL,
  decided_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX amendments_proposal ON amendments(proposal_id, id);

-- One decision per proposal. The rule (quorum, threshold) is copied from the statutes when the
-- decision is made, so that a later change of statutes does not change a running vote.
CREATE TABLE decisions (
  id {{id}},
  proposal_id BIGINT NOT NULL UNIQUE REFERENCES proposals(id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  seats INTEGER NOT NULL DEFAULT 1,
  max_score INTEGER NOT NULL DEFAULT 5,
  quorum_percent INTEGER NOT NULL DEFAULT 0,
  threshold_num INTEGER NOT NULL DEFAULT 1,
  threshold_den INTEGER NOT NULL DEFAULT 2,
  weighted INTEGER NOT NULL DEFAULT 0,
  secret INTEGER NOT NULL DEFAULT 0,
  live_results INTEGER NOT NULL DEFAULT 0,
  seed BIGINT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  eligible_weight BIGINT NOT NULL DEFAULT 0,
  closed_at BIGINT NOT NULL DEFAULT 0,
  result TEXT NOT NULL DEFAULT '',
  reminded INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL REFERENCES persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX decisions_closing ON decisions(closed_at, closes_at);

CREATE TABLE decision_options (
  decision_id BIGINT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  option_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (decision_id, option_id)
);

-- Who voted. The primary key is the rule "one ballot per member per decision".
CREATE TABLE decision_voters (
  decision_id BIGINT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id),
  weight BIGINT NOT NULL DEFAULT 1,
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (decision_id, person_id)
);

-- What was voted. A secret ballot has no person and no time, and a random key, so that
-- nothing in the row or its position leads back to decision_voters. The receipt is public;
-- the key that lets its voter change the ballot is stored only as a hash.
CREATE TABLE ballots (
  id {{key}},
  decision_id BIGINT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  receipt TEXT NOT NULL,
  change_key_hash TEXT NOT NULL,
  person_id BIGINT,
  weight BIGINT NOT NULL DEFAULT 1,
  content TEXT NOT NULL,
  UNIQUE (decision_id, receipt)
);
CREATE INDEX ballots_person ON ballots(decision_id, person_id);

CREATE TABLE notifications (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  read_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notifications_person ON notifications(person_id, read_at, id);
