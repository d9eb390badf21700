-- A fund's result, computed once (when the fund is decided, or when its inputs change) and
-- stored, so that pages and the API read it instead of computing it on every request.
-- inputs_version goes up in the same transaction as every change to the fund's inputs (ballots,
-- projects, budget, rule, completion, phase); the stored outcome is current while its
-- computed_version equals inputs_version and engine equals the running code's version of the
-- rules. outcome is JSON: funded projects in selection order, every project's explanation,
-- the groups of voters, amounts as exact rationals ("123/4"). A server claims a computation by
-- a conditional update of claimed_by/claim_until (a lease, so a crashed server's claim expires),
-- so several servers on one database compute each result once.
CREATE TABLE fund_results (
  fund_id BIGINT PRIMARY KEY REFERENCES funds(id) ON DELETE CASCADE,
  inputs_version BIGINT NOT NULL DEFAULT 1,
  computed_version BIGINT,
  engine INTEGER NOT NULL DEFAULT 0,
  fingerprint TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  computed_at BIGINT,
  computations BIGINT NOT NULL DEFAULT 0,
  claimed_by TEXT,
  claim_until BIGINT
);
