-- Communities, their categories and statutes, organisations, memberships and invitations.
CREATE TABLE communities (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  about TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 1,
  signup TEXT NOT NULL DEFAULT 'open',
  created_at BIGINT NOT NULL
);

CREATE TABLE categories (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_da TEXT NOT NULL,
  name_nl TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (community_id, code)
);

CREATE TABLE statutes (
  community_id BIGINT PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
  quorum_percent INTEGER NOT NULL,
  simple_num INTEGER NOT NULL,
  simple_den INTEGER NOT NULL,
  qualified_num INTEGER NOT NULL,
  qualified_den INTEGER NOT NULL,
  vote_weight TEXT NOT NULL
);

CREATE TABLE organisations (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  -- the member is the organisation when organisation_id is set, the person representing it
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  organisation_id BIGINT REFERENCES organisations(id),
  category_id BIGINT NOT NULL REFERENCES categories(id),
  role TEXT NOT NULL,
  shares BIGINT NOT NULL DEFAULT 0,
  joined_on TEXT NOT NULL DEFAULT '',
  left_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  search_key TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX memberships_community ON memberships(community_id, status);
CREATE INDEX memberships_person ON memberships(person_id);

CREATE TABLE invitations (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  category_id BIGINT NOT NULL REFERENCES categories(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT NOT NULL REFERENCES persons(id),
  created_at BIGINT NOT NULL,
  accepted_at BIGINT NOT NULL DEFAULT 0
);
