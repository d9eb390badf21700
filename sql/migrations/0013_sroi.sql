-- SROI analyses: a community's social return on investment, by Social Value International's
-- guide. Money is in minor units, shares in basis points (2500 = 25 %), quantities in
-- thousandths.
CREATE TABLE sroi_analyses (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  currency TEXT NOT NULL,
  investment BIGINT NOT NULL,
  discount_bp INTEGER NOT NULL,
  created_by BIGINT REFERENCES persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX sroi_analyses_community ON sroi_analyses(community_id, id);

CREATE TABLE sroi_outcomes (
  analysis_id BIGINT NOT NULL REFERENCES sroi_analyses(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  proxy BIGINT NOT NULL,
  deadweight_bp INTEGER NOT NULL,
  displacement_bp INTEGER NOT NULL,
  attribution_bp INTEGER NOT NULL,
  drop_off_bp INTEGER NOT NULL,
  duration_years INTEGER NOT NULL,
  PRIMARY KEY (analysis_id, position)
);
