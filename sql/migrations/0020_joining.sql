-- Joining a community: invitations expire (14 days unless chosen otherwise; those sent before
-- expire 14 days after they were sent), and a community that approves its members keeps each
-- request to join as a membership with the status 'applied' until the board decides.
ALTER TABLE invitations ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
UPDATE invitations SET expires_at = created_at + 1209600;
