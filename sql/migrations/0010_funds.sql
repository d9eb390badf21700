-- Funds: common money a community shares out by vote. Amounts and costs are exact decimals
-- kept as text. A ballot's voter is "p<person id>" for a member, "pb:<voter id>" for a voter
-- imported from a Pabulib file; one ballot per voter per fund.
CREATE TABLE funds (
  id {{id}},
  community_id BIGINT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  amount TEXT NOT NULL,
  currency TEXT NOT NULL,
  ballot TEXT NOT NULL,
  points INTEGER NOT NULL DEFAULT 10,
  rule TEXT NOT NULL,
  completion TEXT NOT NULL,
  proposers TEXT NOT NULL,
  phase TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES persons(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX funds_community ON funds(community_id, id);

CREATE TABLE fund_projects (
  id {{id}},
  fund_id BIGINT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  cost TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  proposer_person_id BIGINT REFERENCES persons(id),
  status TEXT NOT NULL,
  review_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX fund_projects_fund ON fund_projects(fund_id, id);

CREATE TABLE fund_ballots (
  fund_id BIGINT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
  voter TEXT NOT NULL,
  person_id BIGINT REFERENCES persons(id),
  ballot TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (fund_id, voter)
);
