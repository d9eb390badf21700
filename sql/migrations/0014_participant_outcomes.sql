-- Participant outcomes (into a job, into education, a new participant, …): recorded only with
-- the participant's consent, and kept without any name, so that they can only be counted. The
-- day is an integer YYYYMMDD.
CREATE TABLE participant_outcomes (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  day INTEGER NOT NULL,
  consent INTEGER NOT NULL CHECK (consent = 1),
  recorded_by BIGINT REFERENCES persons(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX participant_outcomes_community ON participant_outcomes(community_id, day);
