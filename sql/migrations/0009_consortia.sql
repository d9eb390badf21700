-- Consortia a member saved from the builder: a team for a task. Members of one consortium
-- are tied, so they are not recommended to each other again.
CREATE TABLE consortia (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  task TEXT NOT NULL,
  needs TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX consortia_community ON consortia(community_id, id);

CREATE TABLE consortium_members (
  consortium_id BIGINT NOT NULL REFERENCES consortia(id) ON DELETE CASCADE,
  membership_id BIGINT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
  covers TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (consortium_id, membership_id)
);
