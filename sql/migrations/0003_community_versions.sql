-- A version number per community, raised by every change to the community, its categories,
-- statutes or members (or their names), so that servers can cache what they render from it.
ALTER TABLE communities ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
