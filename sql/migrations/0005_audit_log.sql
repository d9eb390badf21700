-- The append-only, hash-chained audit log: one chain for the whole server. Each entry's hash
-- covers its fields and the previous entry's hash, so a changed or removed entry breaks the
-- chain (checked by `andel audit verify`).
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  community_id BIGINT NOT NULL DEFAULT 0,
  actor_person_id BIGINT NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '',
  previous_hash TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_community ON audit_log(community_id, seq);
