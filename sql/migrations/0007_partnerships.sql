-- Partnerships: the community's competences (the taxonomy the board curates, and members' free
-- tags), what each member offers and needs, and members' answers to match recommendations.
CREATE TABLE competences (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  label_en TEXT NOT NULL,
  label_da TEXT NOT NULL DEFAULT '',
  label_nl TEXT NOT NULL DEFAULT '',
  synonyms TEXT NOT NULL DEFAULT '',
  curated INTEGER NOT NULL DEFAULT 0,
  UNIQUE (community_id, key)
);

CREATE TABLE member_competences (
  membership_id BIGINT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
  competence_id BIGINT NOT NULL REFERENCES competences(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  PRIMARY KEY (membership_id, competence_id, kind)
);
CREATE INDEX member_competences_competence ON member_competences(competence_id);

-- One answer per pair of memberships (the lower id first): accepted pairs are ties, declined
-- pairs are not recommended again.
CREATE TABLE match_responses (
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  low_membership_id BIGINT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
  high_membership_id BIGINT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  responded_by BIGINT NOT NULL,
  responded_at BIGINT NOT NULL,
  PRIMARY KEY (low_membership_id, high_membership_id)
);
CREATE INDEX match_responses_community ON match_responses(community_id);
