-- Two-step sign-in (TOTP, RFC 6238). An account has at most one authenticator: `secret` is the
-- confirmed one (empty until the first is confirmed), `pending_secret` one being set up, which
-- replaces it once a code from it is entered. `last_step` is the last 30-second step whose code
-- was accepted, so a code is never accepted twice.
CREATE TABLE second_factors (
  person_id BIGINT PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
  secret TEXT NOT NULL DEFAULT '',
  pending_secret TEXT NOT NULL DEFAULT '',
  confirmed_at BIGINT NOT NULL DEFAULT 0,
  last_step BIGINT NOT NULL DEFAULT 0
);

-- One-time recovery codes, by hash, for a lost authenticator.
CREATE TABLE recovery_codes (
  code_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX recovery_codes_person ON recovery_codes (person_id);

-- A sign-in waiting for its second step: the password was right, the code is still to come. The
-- browser holds the token (a cookie); wrong codes are counted and end the attempt.
CREATE TABLE sign_in_steps (
  token_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  next_path TEXT NOT NULL DEFAULT '/',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_steps_person ON sign_in_steps (person_id);
