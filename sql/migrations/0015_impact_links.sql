-- Impact tied to what produced it. An indicator may be part of a larger goal (its parent, with
-- an optional weight in thousandths of that goal): the results tree. A decision (by its
-- proposal) or a fund project may name the indicators it is expected to move. A community may
-- report to a municipal programme on the same server, whose roll-up then shows its indicators.
ALTER TABLE impact_indicators ADD COLUMN parent_id BIGINT REFERENCES impact_indicators(id);
ALTER TABLE impact_indicators ADD COLUMN weight BIGINT;

CREATE TABLE impact_links (
  indicator_id BIGINT NOT NULL REFERENCES impact_indicators(id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('proposal', 'project')),
  subject_id BIGINT NOT NULL,
  created_by BIGINT REFERENCES persons(id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (indicator_id, subject_kind, subject_id)
);
CREATE INDEX impact_links_subject ON impact_links(community_id, subject_kind, subject_id);

CREATE TABLE programme_communities (
  programme_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  joined_by BIGINT REFERENCES persons(id),
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (programme_id, community_id)
);
CREATE INDEX programme_communities_community ON programme_communities(community_id);
