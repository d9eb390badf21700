-- Accounts prove their address. An account is created, claimed, confirmed, moved to a new
-- address or given a new password only through a one-time link mailed to the address
-- (`email_links`, which replaces `password_resets`); `email_verified_at` is when its address was
-- last proved (0: never, so the account may read but not join, vote, propose or create).
-- API tokens expire (a year unless chosen otherwise) and record their last use.
ALTER TABLE persons ADD COLUMN email_verified_at BIGINT NOT NULL DEFAULT 0;

CREATE TABLE email_links (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  person_id BIGINT REFERENCES persons(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'en',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX email_links_email ON email_links (email, created_at);
CREATE INDEX email_links_person ON email_links (person_id);

DROP TABLE password_resets;

ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0;
UPDATE api_tokens SET expires_at = created_at + 31536000;
