-- Impact: a community's indicators and their measurements. Values are exact decimals kept as
-- integer thousandths; an indicator's dates are ISO days (text), a measurement's period days
-- are integers YYYYMMDD (20261130), read quickly by the thousand for a dashboard. Measurements are append-only: a correction is
-- a new row naming the one it supersedes.
CREATE TABLE impact_indicators (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  catalogue_key TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  iris_metric TEXT NOT NULL DEFAULT '',
  baseline BIGINT NOT NULL DEFAULT 0,
  baseline_date TEXT NOT NULL,
  targets TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX impact_indicators_community ON impact_indicators(community_id, id);

CREATE TABLE impact_measurements (
  id {{id}},
  indicator_id BIGINT NOT NULL REFERENCES impact_indicators(id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  period_start INTEGER NOT NULL,
  period_end INTEGER NOT NULL,
  value BIGINT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  evidence_url TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES persons(id),
  recorded_at BIGINT NOT NULL,
  supersedes BIGINT REFERENCES impact_measurements(id)
);
-- Covering what a dashboard reads of every measurement (ImpactRepository::Values).
CREATE INDEX impact_measurements_community
  ON impact_measurements(community_id, id, indicator_id, period_end, value, supersedes);
