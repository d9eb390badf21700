-- A proposal's author or the board may close its discussion: no new comments or replies until it
-- is reopened (0: open).
ALTER TABLE proposals ADD COLUMN discussion_closed_at BIGINT NOT NULL DEFAULT 0;
