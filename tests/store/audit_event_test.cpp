// Audit entries read back as events: every format the repositories write is parsed into the
// objects it names and its values, and the names of those objects are found on SQLite and
// PostgreSQL.
#include "store/audit_event.h"

#include <gtest/gtest.h>

#include <random>

#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "support/test_database.h"

namespace andel::store {
namespace {

AuditEvent Read(const char* action, const char* subject, const char* details) {
  return ReadAuditEvent({1, 2, action, subject, details});
}

TEST(AuditEvent, EveryFormatTheRepositoriesWriteIsRead) {
  AuditEvent member =
      Read("member.added", "member 309", "person=1 category=4 role=admin shares=0 status=active");
  ASSERT_EQ(member.refs.size(), 1u);
  EXPECT_EQ(member.refs[0], (AuditRef{"member", 309}));
  EXPECT_EQ(member.values.at("role"), "admin");
  EXPECT_EQ(member.values.at("status"), "active");

  AuditEvent category = Read("category.created", "local_business",
                             "en=Local business da=Lokal virksomhed nl=Lokaal bedrijf");
  EXPECT_EQ(category.values.at("code"), "local_business");
  EXPECT_EQ(category.values.at("da"), "Lokal virksomhed");
  EXPECT_EQ(category.values.at("nl"), "Lokaal bedrijf");

  AuditEvent opened = Read("decision.opened", "decision 7",
                           "method=motion secret=no opens_at=1794953149 closes_at=1795557949");
  EXPECT_EQ(opened.refs[0], (AuditRef{"decision", 7}));
  EXPECT_EQ(opened.values.at("opens_at"), "1794953149");

  AuditEvent project = Read("fund.project_reviewed", "fund project 3", "feasible");
  EXPECT_EQ(project.refs[0], (AuditRef{"fund project", 3}));
  EXPECT_EQ(project.values.at("text"), "feasible");

  AuditEvent linked = Read("indicator.linked", "indicator 3 ← project 1", "");
  ASSERT_EQ(linked.refs.size(), 2u);
  EXPECT_EQ(linked.refs[1], (AuditRef{"project", 1}));

  AuditEvent stage = Read("initiative.stage", "initiative 4", "idea → operating");
  EXPECT_EQ(stage.values.at("from"), "idea");
  EXPECT_EQ(stage.values.at("to"), "operating");

  AuditEvent accepted = Read("invitation.accepted", "new@example.dk", "member 12 already active");
  EXPECT_EQ(accepted.values.at("email"), "new@example.dk");
  EXPECT_EQ(accepted.refs[0], (AuditRef{"member", 12}));
  EXPECT_EQ(accepted.values.at("already"), "1");

  EXPECT_EQ(Read("measurements.imported", "measurements", "24 rows").values.at("count"), "24");
  EXPECT_EQ(Read("fund.imported", "fund 2", "1500 ballots").values.at("count"), "1500");
  EXPECT_EQ(Read("measurement.corrected", "measurement 48", "by 265").values.at("by"), "265");
  EXPECT_EQ(Read("outcome.recorded", "into_job", "").values.at("code"), "into_job");
  EXPECT_EQ(Read("amendment.accepted", "proposal 5", "amendment 2").refs.size(), 2u);
  // Free text stays text, even with an equals sign or a number in it.
  EXPECT_EQ(Read("fund.created", "fund 1", "Pulje 2026 150000 DKK").values.at("text"),
            "Pulje 2026 150000 DKK");
  EXPECT_EQ(Read("consortium.saved", "consortium 1", "Solar = power").values.at("text"),
            "Solar = power");
  // A person's own words are never read as structure.
  EXPECT_EQ(Read("consortium.saved", "consortium 1", "member 3 a=b → 5 rows").values.at("text"),
            "member 3 a=b → 5 rows");
  EXPECT_EQ(Read("consortium.saved", "consortium 1", "member 3").refs.size(), 1u);
}

// Property: key=value details written from any map of keys to values (values with spaces, but
// never " word=" inside) read back as that map.
TEST(AuditEvent, KeyValueDetailsReadBackAsWritten) {
  std::mt19937 random(7);
  const std::vector<std::string> words = {"a",   "board", "Lokal virksomhed", "1/2", "50%", "x y z",
                                          "æøå", "=",     "1794953149",       "no"};
  for (int round = 0; round < 500; ++round) {
    std::map<std::string, std::string> expected;
    const int fields = 1 + static_cast<int>(random() % 5);
    for (int i = 0; i < fields; ++i) {
      std::string key;
      for (int c = 0, n = 1 + static_cast<int>(random() % 6); c < n; ++c) {
        key += "abcdefgh_"[random() % 9];
      }
      expected[key] = words[random() % words.size()];
    }
    std::string details;
    for (const auto& [key, value] : expected) {
      details += (details.empty() ? "" : " ") + key + "=" + value;
    }
    EXPECT_EQ(ReadAuditEvent({1, 1, "any.thing", "", details}).values, expected) << details;
  }
}

TEST(AuditEvent, NamesAreFoundAndADeletedObjectHasNone) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  communities::Person person;
  person.email = "named@example.dk";
  person.name = "Nanna Navn";
  const int64_t founder = *accounts.CreatePerson(person, "", 100);
  CommunityRepository repo(*t.db);
  communities::Community community;
  community.slug = "named";
  community.name = "Navngivet";
  const int64_t id =
      *repo.ActingAs(founder, 1000).CreateCommunity(community, founder, "citizen", 1000);
  Result<std::map<AuditRef, AuditName>> names =
      AuditNames(*t.db, id, {{"community", id}, {"community", 999999}, {"fund", 999999}});
  ASSERT_TRUE(names.has_value());
  ASSERT_EQ(names->size(), 1u);
  EXPECT_EQ(names->at({"community", id}).name, "Navngivet");
  EXPECT_EQ(names->at({"community", id}).slug, "named");
  // The founder's membership is named after the person.
  AuditLog audit(*t.db);
  Result<std::vector<AuditRecord>> records = audit.ListForCommunity(id, 0, 10);
  ASSERT_TRUE(records.has_value());
  for (const AuditRecord& record : *records) {
    if (record.entry.action != "member.added") continue;
    const AuditEvent event = ReadAuditEvent(record.entry);
    ASSERT_EQ(event.refs.size(), 1u);
    EXPECT_EQ(AuditNames(*t.db, id, event.refs)->at(event.refs[0]).name, "Nanna Navn");
    // Not as another community's.
    EXPECT_TRUE(AuditNames(*t.db, id + 1, event.refs)->empty());
  }
}

}  // namespace
}  // namespace andel::store
