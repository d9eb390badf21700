-- Partner circles: a draft the board generates, reviews and adjusts, and the published set
-- members see. Publishing a new set archives the one before.
CREATE TABLE circle_sets (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  size INTEGER NOT NULL,
  seed BIGINT NOT NULL,
  random_objective DOUBLE PRECISION NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  published_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX circle_sets_community ON circle_sets(community_id, status);

CREATE TABLE circle_members (
  set_id BIGINT NOT NULL REFERENCES circle_sets(id) ON DELETE CASCADE,
  circle_no INTEGER NOT NULL,
  membership_id BIGINT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, membership_id)
);
