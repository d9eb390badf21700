-- The incubator's initiatives, which move through stages; and initiatives as a third kind of
-- subject expected to move an indicator (the links table is made anew with the wider check,
-- which neither database can widen in place).
CREATE TABLE initiatives (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL CHECK (stage IN ('idea', 'exploring', 'founding', 'operating')),
  created_by BIGINT REFERENCES persons(id),
  created_at BIGINT NOT NULL,
  stage_changed_at BIGINT NOT NULL
);
CREATE INDEX initiatives_community ON initiatives(community_id, id);

CREATE TABLE impact_links_of_every_kind (
  indicator_id BIGINT NOT NULL REFERENCES impact_indicators(id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('proposal', 'project', 'initiative')),
  subject_id BIGINT NOT NULL,
  created_by BIGINT REFERENCES persons(id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (indicator_id, subject_kind, subject_id)
);
INSERT INTO impact_links_of_every_kind
  SELECT indicator_id, community_id, subject_kind, subject_id, created_by, created_at
  FROM impact_links;
DROP TABLE impact_links;
ALTER TABLE impact_links_of_every_kind RENAME TO impact_links;
CREATE INDEX impact_links_subject ON impact_links(community_id, subject_kind, subject_id);
