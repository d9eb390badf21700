-- Municipal programmes are made and vouched for by a server administrator: a programme reports
-- and is offered to communities only once `programme_verified_at` is set. Who may create
-- communities at all is the server setting `community_creation` ('verified': any account with a
-- confirmed address; 'admins': server administrators only).
ALTER TABLE communities ADD COLUMN programme_verified_at BIGINT NOT NULL DEFAULT 0;
