-- Value cases: a community's stories of what it achieved, with the indicators and evidence they
-- rest on; a published case is visible to every community on the server. search_key is the
-- folded title and story that search matches against.
CREATE TABLE value_cases (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  story TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  search_key TEXT NOT NULL,
  created_by BIGINT REFERENCES persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX value_cases_community ON value_cases(community_id, id);
CREATE INDEX value_cases_published ON value_cases(published, id);

CREATE TABLE value_case_indicators (
  value_case_id BIGINT NOT NULL REFERENCES value_cases(id) ON DELETE CASCADE,
  indicator_id BIGINT NOT NULL REFERENCES impact_indicators(id) ON DELETE CASCADE,
  PRIMARY KEY (value_case_id, indicator_id)
);
