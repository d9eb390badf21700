-- Member lists are private: members see them, the public sees counts only, unless the community
-- publishes its list (`member_list_public`). A member may hide their shares and organisation
-- from other members (`details_hidden`); the board still sees them.
ALTER TABLE communities ADD COLUMN member_list_public INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memberships ADD COLUMN details_hidden INTEGER NOT NULL DEFAULT 0;
