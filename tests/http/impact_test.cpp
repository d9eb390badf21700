// HTTP tests of impact: indicators and measurements by API and by form, corrections, progress,
// CSV out (Accept: text/csv) and in (a file with any bad line imports nothing), the dashboard in
// two languages, and roles (a member cannot record; nobody records for another community).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/server_fixture.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ImpactTest : public ServerTest {
 protected:
  HttpReply Api(const std::string& method, const std::string& slug, const std::string& path,
                const std::string& body, const std::string& email,
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("authorization", "Bearer " + TokenFor(email));
    return Client().Send(method, "/api/v1/communities/" + slug + path, body, headers);
  }
  // "Participants" from the catalogue: baseline 0 on 1 Jan 2026, target 100 by 31 Dec 2026.
  int64_t Participants(const std::string& slug = "open-coop") {
    HttpReply created = Api("POST", slug, "/indicators",
                            R"({"catalogue":"participants","baseline":"0",)"
                            R"("baseline_date":"2026-01-01","target":"100",)"
                            R"("target_due":"2026-12-31"})",
                            Accounts::kBoard);
    EXPECT_EQ(created.status, 201) << created.body;
    return json::parse(created.body).at("id").as_int64();
  }
  HttpReply Record(int64_t indicator, const std::string& month, const std::string& value,
                   const std::string& email, const std::string& extra = "") {
    return Api("POST", "open-coop", "/measurements",
               R"({"indicator":)" + std::to_string(indicator) + R"(,"period_start":"2026-)" +
                   month + R"(-01","period_end":"2026-)" + month + R"(-28","value":")" + value +
                   "\"" + extra + "}",
               email);
  }
  size_t MeasurementCount() {
    HttpReply list = Api("GET", "open-coop", "/measurements", "", Accounts::kMember);
    return json::parse(list.body).at("items").as_array().size();
  }
};

TEST_F(ImpactTest, RecordCorrectAndSeeProgress) {
  const int64_t id = Participants();
  ASSERT_EQ(Record(id, "01", "20", Accounts::kBoard).status, 201);
  HttpReply feb = Record(id, "02", "35", Accounts::kBoard);
  ASSERT_EQ(feb.status, 201) << feb.body;
  const int64_t wrong = json::parse(feb.body).at("id").as_int64();
  // The dashboard as it stands (its cards are kept rendered until something on them changes).
  EXPECT_TRUE(Contains(Client().Get("/c/open-coop/impact").body, "55 %"));
  // A correction supersedes the February figure; both stay on record.
  HttpReply fix =
      Record(id, "02", "25", Accounts::kBoard, R"(,"supersedes":)" + std::to_string(wrong));
  ASSERT_EQ(fix.status, 201) << fix.body;
  EXPECT_EQ(MeasurementCount(), 3u);
  HttpReply indicators = Api("GET", "open-coop", "/indicators", "", Accounts::kMember);
  const json::value parsed = json::parse(indicators.body);
  const json::object& first = parsed.at("items").as_array()[0].as_object();
  EXPECT_EQ(first.at("name").as_string(), "Participants");
  EXPECT_EQ(first.at("current").as_string(), "45");  // 20 + 25, not 20 + 35
  EXPECT_DOUBLE_EQ(first.at("progress").as_double(), 0.45);
  // For funders, in the Common Impact Data Standard: the reports that count, not what was
  // corrected.
  HttpReply cids = Client().Get("/api/v1/communities/open-coop/impact.jsonld");
  EXPECT_EQ(cids.status, 200);
  EXPECT_TRUE(Contains(cids.Header("content-type"), "application/ld+json"));
  std::vector<std::string> reported;
  const json::value document = json::parse(cids.body);
  for (const json::value& node : document.as_array()) {
    if (node.at("@type").as_string() == "cids:IndicatorReport") {
      reported.emplace_back(node.at("i72:value").at("i72:numerical_value").as_string());
    }
  }
  EXPECT_EQ(reported, (std::vector<std::string>{"20", "25"}));
  // A correction of another indicator's measurement is refused.
  const int64_t other = Participants();
  EXPECT_EQ(Record(other, "03", "1", Accounts::kBoard, R"(,"supersedes":)" + std::to_string(wrong))
                .status,
            400);
  // The dashboard: a chart and the progress; the indicator's page marks the correction; and in
  // Danish.
  HttpReply page = Client().Get("/c/open-coop/impact");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<svg"));
  EXPECT_TRUE(Contains(page.body, "45 %"));
  HttpReply history = Client().Get("/c/open-coop/impact/indicators/" + std::to_string(id));
  EXPECT_EQ(history.status, 200);
  EXPECT_TRUE(Contains(
      history.body, "corrected by #" + std::to_string(json::parse(fix.body).at("id").as_int64())));
  EXPECT_TRUE(Contains(history.body, "corrects #" + std::to_string(wrong)));
  EXPECT_EQ(Client().Get("/c/open-coop/impact/indicators/" + std::to_string(other + 100)).status,
            404);
  // The annual report: the year's figure (20 + 25) and the progress at its end.
  HttpReply report = Client().Get("/c/open-coop/impact/report/2026");
  EXPECT_EQ(report.status, 200);
  EXPECT_TRUE(Contains(report.body, "<strong>45 people</strong>")) << report.body;
  EXPECT_TRUE(Contains(report.body, "45 %"));
  EXPECT_EQ(Client().Get("/c/open-coop/impact/report/12").status, 404);
  HttpReply danish = Client().Get("/c/open-coop/impact?lang=da");
  EXPECT_TRUE(Contains(danish.body, "Deltagere"));
  EXPECT_TRUE(Contains(danish.body, "Udgangspunkt"));
}

TEST_F(ImpactTest, TheReportSetsAYearNotOverAgainstTheSameMonths) {
  const int64_t id = Participants();
  // 2025: ten a month all year; 2026: twelve a month from January to March.
  std::string csv = "indicator,period_start,period_end,value\n";
  for (int month = 1; month <= 12; ++month) {
    const std::string m = (month < 10 ? "0" : "") + std::to_string(month);
    csv += std::to_string(id) + ",2025-" + m + "-01,2025-" + m + "-28,10\n";
    if (month <= 3) csv += std::to_string(id) + ",2026-" + m + "-01,2026-" + m + "-28,12\n";
  }
  ASSERT_EQ(Api("POST", "open-coop", "/measurements", csv, Accounts::kBoard,
                {{"content-type", "text/csv"}})
                .status,
            201);
  // 36 against the 30 of January to March 2025, not against the whole 120.
  HttpReply report = Client().Get("/c/open-coop/impact/report/2026");
  EXPECT_TRUE(Contains(report.body, "+20 % against the same months of the year before"))
      << report.body;
  HttpReply api = Api("GET", "open-coop", "/report/2026", "", Accounts::kMember);
  const json::value parsed = json::parse(api.body);
  const json::object& entry = parsed.at("indicators").as_array()[0].as_object();
  EXPECT_DOUBLE_EQ(entry.at("change_percent").as_double(), 20.0);
  EXPECT_TRUE(entry.at("change_same_months_only").as_bool());
  EXPECT_EQ(entry.at("year_before").as_string(), "120");
  // A whole year against the whole year before.
  EXPECT_TRUE(Contains(Client().Get("/c/open-coop/impact/report/2025").body, "<strong>120"));
}

// Issue 14, point 15: the public CSV wrote a formula as it came; now every export guards it.
TEST_F(ImpactTest, TheMeasurementsCsvNeverHoldsAFormula) {
  const int64_t id = Participants();
  ASSERT_EQ(Record(id, "01", "20", Accounts::kBoard,
                   R"x(,"source":"=HYPERLINK(\"http://evil.example\",\"Open\")")x")
                .status,
            201);
  ASSERT_EQ(Record(id, "02", "21", Accounts::kBoard, R"x(,"source":"\t@SUM(A1)")x").status, 201);
  const std::string csv = Client().Get("/c/open-coop/impact/measurements.csv").body;
  EXPECT_TRUE(Contains(csv, "\"'=HYPERLINK(")) << csv;
  EXPECT_FALSE(Contains(csv, ",=HYPERLINK(")) << csv;
  EXPECT_FALSE(Contains(csv, ",\"=HYPERLINK(")) << csv;
  EXPECT_TRUE(Contains(csv, ",'@SUM(A1)")) << csv;  // stored trimmed, then guarded
  // The file reads back as it was written.
  HttpReply again = Api("POST", "open-coop", "/measurements",
                        "indicator,period_start,period_end,value,source\n" + std::to_string(id) +
                            ",2026-03-01,2026-03-28,5,'=1+1\n",
                        Accounts::kBoard, {{"content-type", "text/csv"}});
  ASSERT_EQ(again.status, 201) << again.body;
  HttpReply list = Api("GET", "open-coop", "/measurements", "", Accounts::kMember);
  EXPECT_TRUE(Contains(list.body, "\"source\":\"=1+1\"")) << list.body;
}

TEST_F(ImpactTest, RolesAndOtherCommunities) {
  const int64_t id = Participants();
  EXPECT_EQ(Record(id, "01", "5", Accounts::kMember).status, 403);
  EXPECT_EQ(Record(id, "01", "5", Accounts::kOutsider).status, 403);
  EXPECT_EQ(Api("POST", "open-coop", "/indicators", R"({"name":"Mine"})", Accounts::kMember).status,
            403);
  // The board of one community cannot record against another community's indicator.
  const int64_t closed = Participants("closed-club");
  EXPECT_EQ(Record(closed, "01", "5", Accounts::kBoard).status, 404);
  EXPECT_EQ(MeasurementCount(), 0u);
  // Bad input names the field, never a 500.
  for (const auto& [body, field] :
       {std::pair{R"({"name":"X","target":"10","target_due":"soon"})", "target_due"},
        std::pair{R"({"name":"","unit":"x"})", "name"},
        std::pair{R"({"catalogue":"unicorns"})", "catalogue"},
        std::pair{R"({"name":"X","direction":"sideways"})", "direction"}}) {
    HttpReply reply = Api("POST", "open-coop", "/indicators", body, Accounts::kBoard);
    EXPECT_EQ(reply.status, 400) << body;
    EXPECT_TRUE(Contains(reply.body, field)) << reply.body;
  }
  EXPECT_EQ(Record(id, "01", "many", Accounts::kBoard).status, 400);
  EXPECT_EQ(Record(id, "01", "5", Accounts::kBoard, R"(,"evidence_url":"ftp://x")").status, 400);
  EXPECT_EQ(Api("POST", "open-coop", "/measurements", "[1]", Accounts::kBoard).status, 400);
}

TEST_F(ImpactTest, CsvInAndOut) {
  const int64_t id = Participants();
  const std::vector<std::pair<std::string, std::string>> csv_type = {{"content-type", "text/csv"}};
  // One bad line: nothing is imported, and the line is named.
  HttpReply bad = Api("POST", "open-coop", "/measurements",
                      "indicator,period_start,period_end,value\n"
                      "participants,2026-01-01,2026-01-31,10\n"
                      "participants,2026-02-01,2026-02-28,ten\n",
                      Accounts::kBoard, csv_type);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "line 3")) << bad.body;
  EXPECT_EQ(MeasurementCount(), 0u);
  HttpReply good = Api("POST", "open-coop", "/measurements",
                       "indicator,period_start,period_end,value,source\n"
                       "Participants,2026-01-01,2026-01-31,10,\"Lists, all sites\"\n" +
                           std::to_string(id) + ",2026-02-01,2026-02-28,12.5,\n",
                       Accounts::kBoard, csv_type);
  EXPECT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(MeasurementCount(), 2u);
  // Out as CSV when asked, by the API and from the page.
  HttpReply csv =
      Api("GET", "open-coop", "/measurements", "", Accounts::kMember, {{"accept", "text/csv"}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(Contains(csv.Header("content-type"), "text/csv"));
  EXPECT_TRUE(Contains(csv.body, "id,indicator,period_start"));
  EXPECT_TRUE(Contains(csv.body, "\"Lists, all sites\""));
  EXPECT_TRUE(Contains(csv.body, ",12.5,"));
  EXPECT_EQ(Client().Get("/c/open-coop/impact/measurements.csv").body, csv.body);
  // The import form: bad lines listed, nothing imported; a good file goes in.
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply form_bad = board.PostFile("/c/open-coop/impact", "/c/open-coop/impact/import", "file",
                                      "indicator,period_start,period_end,value\n"
                                      "nobody,2026-03-01,2026-03-31,1\n"
                                      "participants,2026-03-01,2026-02-01,1\n");
  EXPECT_EQ(form_bad.status, 400);
  EXPECT_TRUE(Contains(form_bad.body, "line 2"));
  EXPECT_TRUE(Contains(form_bad.body, "line 3"));
  EXPECT_EQ(MeasurementCount(), 2u);
  HttpReply form_good = board.PostFile("/c/open-coop/impact", "/c/open-coop/impact/import", "file",
                                       "indicator,period_start,period_end,value\n"
                                       "participants,2026-03-01,2026-03-31,7\n");
  EXPECT_EQ(form_good.status, 303);
  EXPECT_EQ(MeasurementCount(), 3u);
}

TEST_F(ImpactTest, FormsShowTheirErrors) {
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply indicator = board.PostForm("/c/open-coop/impact", "/c/open-coop/impact/indicators",
                                       "catalogue=people_into_jobs&target=40&target_due=2026-12-31"
                                       "&baseline=0&baseline_date=2026-01-01");
  EXPECT_EQ(indicator.status, 303) << indicator.body;
  HttpReply bad = board.PostForm("/c/open-coop/impact", "/c/open-coop/impact/measurements",
                                 "indicator=1&period_start=2026-01-01&period_end=2026-01-31"
                                 "&value=lots");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "aria-invalid"));
  HttpReply good = board.PostForm("/c/open-coop/impact", "/c/open-coop/impact/measurements",
                                  "indicator=1&period_start=2026-01-01&period_end=2026-01-31"
                                  "&value=3&source=Jobcenter");
  EXPECT_EQ(good.status, 303) << good.body;
  // Members see the dashboard but not the forms.
  HttpReply member = SignedIn(Accounts::kMember).Get("/c/open-coop/impact");
  EXPECT_EQ(member.status, 200);
  EXPECT_FALSE(Contains(member.body, "/impact/measurements\""));
  EXPECT_TRUE(Contains(member.body, "People into jobs"));
}

TEST_F(ImpactTest, ValueCasesArePublishedAndFound) {
  const int64_t id = Participants();
  const int64_t closed = Participants("closed-club");
  const std::string good = R"({"title":"Morgenkaffe, der blev til job","story":"**41** i job.",)"
                           R"("indicators":[)" +
                           std::to_string(id) +
                           R"(],"evidence":["https://example.org/report.pdf"]})";
  EXPECT_EQ(Api("POST", "open-coop", "/value-cases", good, Accounts::kMember).status, 403);
  EXPECT_EQ(Api("POST", "open-coop", "/value-cases",
                R"({"title":"T","story":"S","evidence":["ftp://x"]})", Accounts::kBoard)
                .status,
            400);
  HttpReply foreign =
      Api("POST", "open-coop", "/value-cases",
          R"({"title":"T","story":"S","indicators":[)" + std::to_string(closed) + "]}",
          Accounts::kBoard);
  EXPECT_EQ(foreign.status, 400);
  EXPECT_TRUE(Contains(foreign.body, "indicators"));
  HttpReply created = Api("POST", "open-coop", "/value-cases", good, Accounts::kBoard);
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t case_id = json::parse(created.body).at("id").as_int64();
  const std::string page = "/c/open-coop/impact/cases/" + std::to_string(case_id);
  HttpReply shown = Client().Get(page);
  EXPECT_EQ(shown.status, 200);
  EXPECT_TRUE(Contains(shown.body, "<strong>41</strong>"));
  EXPECT_TRUE(Contains(shown.body, "Participants"));
  // Not under another community's address, even for a member of both.
  EXPECT_EQ(SignedIn(Accounts::kBoard)
                .Get("/c/closed-club/impact/cases/" + std::to_string(case_id))
                .status,
            404);
  HttpReply one =
      Api("GET", "open-coop", "/value-cases/" + std::to_string(case_id), "", Accounts::kMember);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(json::parse(one.body).at("title").as_string(), "Morgenkaffe, der blev til job");
  EXPECT_EQ(
      Api("GET", "closed-club", "/value-cases/" + std::to_string(case_id), "", Accounts::kBoard)
          .status,
      404);
  // Not published: the other communities do not find it; published, they do (case and accents
  // ignored).
  const auto search = [&](const std::string& q) {
    HttpReply found = Client().Send("GET", "/api/v1/value-cases?q=" + q, "",
                                    {{"authorization", "Bearer " + TokenFor(Accounts::kOutsider)}});
    return json::parse(found.body).at("items").as_array().size();
  };
  EXPECT_EQ(search("morgenkaffe"), 0u);
  HttpClient board = SignedIn(Accounts::kBoard);
  EXPECT_EQ(board.PostForm(page, page + "/publish", "published=1").status, 303);
  EXPECT_EQ(search("MORGENKAFFE"), 1u);
  EXPECT_EQ(search("der%20blev"), 1u);
  EXPECT_EQ(search("nothing-like-it"), 0u);
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  HttpReply library = outsider.Get("/cases?q=morgenkaffe");
  EXPECT_TRUE(Contains(library.body, "Morgenkaffe, der blev til job"));
  EXPECT_EQ(outsider.Get("/cases/" + std::to_string(case_id)).status, 200);
  EXPECT_EQ(board.PostForm(page, page + "/publish", "published=0").status, 303);
  EXPECT_EQ(outsider.Get("/cases/" + std::to_string(case_id)).status, 404);
  // The board's form shows its errors; the dashboard lists the latest cases.
  HttpReply bad =
      board.PostForm("/c/open-coop/impact/cases", "/c/open-coop/impact/cases", "title=&story=x");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "aria-invalid"));
  EXPECT_TRUE(Contains(Client().Get("/c/open-coop/impact").body, "Morgenkaffe"));
}

TEST_F(ImpactTest, SroiByApiAndForm) {
  // The hand-computed example of the unit tests: 10 people × 1,000.00, 20 % deadweight, 25 %
  // attribution, half dropping off each year over 3 years; 10,000.00 invested at 3.5 %.
  const std::string body =
      R"({"title":"Jobs","currency":"dkk","investment":"10000","outcomes":[{"name":"Into work",)"
      R"("quantity":"10","proxy":"1000","deadweight":"20","attribution":"25","drop_off":"50",)"
      R"("duration":3}]})";
  EXPECT_EQ(Api("POST", "open-coop", "/sroi", body, Accounts::kMember).status, 403);
  HttpReply created = Api("POST", "open-coop", "/sroi", body, Accounts::kBoard);
  ASSERT_EQ(created.status, 201) << created.body;
  const json::value report = json::parse(created.body);
  EXPECT_EQ(report.at("currency").as_string(), "DKK");
  EXPECT_EQ(report.at("present_value").as_string(), "9950.55");
  EXPECT_EQ(report.at("net_present_value").as_string(), "-49.45");
  EXPECT_NEAR(report.at("ratio").as_double(), 0.9950548, 1e-7);
  EXPECT_DOUBLE_EQ(report.at("payback_months").as_double(), 20.0);
  EXPECT_EQ(report.at("sensitivity").as_array().size(), 8u);
  const std::string id = std::to_string(report.at("id").as_int64());
  HttpReply page = Client().Get("/c/open-coop/impact/sroi/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "1 : 1.00") || Contains(page.body, "1 : 0.99")) << page.body;
  EXPECT_TRUE(Contains(page.body, "9,950.55 DKK"));
  EXPECT_TRUE(Contains(page.body, "<svg"));
  // Bad input names the field; the form shows its errors.
  for (const auto& [bad, field] :
       {std::pair{R"({"title":"T","currency":"DKK","investment":"0","outcomes":[]})", "investment"},
        std::pair{R"({"title":"T","currency":"DKK","investment":"1","outcomes":[{"name":"x",)"
                  R"("quantity":"1","proxy":"1","deadweight":"120","duration":1}]})",
                  "deadweight"},
        std::pair{R"({"title":"T","currency":"DK","investment":"1"})", "currency"},
        std::pair{R"({"title":"T","currency":"DKK","investment":"1.234"})", "investment"}}) {
    HttpReply reply = Api("POST", "open-coop", "/sroi", bad, Accounts::kBoard);
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_TRUE(Contains(reply.body, field)) << reply.body;
  }
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply form = board.PostForm("/c/open-coop/impact/sroi", "/c/open-coop/impact/sroi",
                                  "title=Cafe&currency=DKK&investment=5000&discount_rate=3.5"
                                  "&outcome_0=Meals&quantity_0=100&proxy_0=50&duration_0=1");
  EXPECT_EQ(form.status, 303) << form.body;
  HttpReply bad_form = board.PostForm("/c/open-coop/impact/sroi", "/c/open-coop/impact/sroi",
                                      "title=Cafe&currency=DKK&investment=lots");
  EXPECT_EQ(bad_form.status, 400);
  EXPECT_TRUE(Contains(bad_form.body, "aria-invalid"));
  EXPECT_EQ(Client().Get("/c/open-coop/impact/sroi/999").status, 404);
}

TEST_F(ImpactTest, ParticipantOutcomesOnlyWithConsentAndOnlyAsCounts) {
  // The test clock is in 2026.
  EXPECT_EQ(Api("POST", "open-coop", "/outcomes", R"({"kind":"into_job","date":"2026-03-02"})",
                Accounts::kBoard)
                .status,
            400);
  EXPECT_EQ(Api("POST", "open-coop", "/outcomes",
                R"({"kind":"into_job","date":"2026-03-02","consent":true})", Accounts::kMember)
                .status,
            403);
  EXPECT_EQ(Api("POST", "open-coop", "/outcomes",
                R"({"kind":"into_space","date":"2026-03-02","consent":true})", Accounts::kBoard)
                .status,
            400);
  for (const char* kind : {"into_job", "into_job", "into_education"}) {
    EXPECT_EQ(Api("POST", "open-coop", "/outcomes",
                  std::string(R"({"kind":")") + kind + R"(","date":"2026-03-02","consent":true})",
                  Accounts::kBoard)
                  .status,
              201);
  }
  HttpReply counts =
      Api("GET", "open-coop", "/outcomes?from=2026-01-01&to=2026-12-31", "", Accounts::kMember);
  ASSERT_EQ(counts.status, 200) << counts.body;
  const json::value parsed = json::parse(counts.body);
  EXPECT_EQ(parsed.at("counts").at("into_job").as_int64(), 2);
  EXPECT_EQ(parsed.at("counts").at("into_education").as_int64(), 1);
  EXPECT_EQ(parsed.at("counts").at("new_participant").as_int64(), 0);
  EXPECT_EQ(
      Api("GET", "open-coop", "/outcomes?from=2025-01-01&to=2025-12-31", "", Accounts::kMember)
              .body.find("\"into_job\":0") != std::string::npos,
      true);
  EXPECT_EQ(Api("GET", "open-coop", "/outcomes?from=soon", "", Accounts::kMember).status, 400);
  // The form refuses an outcome without consent; the dashboard shows the counts.
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply no_consent = board.PostForm("/c/open-coop/impact", "/c/open-coop/impact/outcomes",
                                        "kind=into_job&date=2026-04-01");
  EXPECT_EQ(no_consent.status, 400);
  EXPECT_TRUE(Contains(no_consent.body, "consent"));
  EXPECT_EQ(board
                .PostForm("/c/open-coop/impact", "/c/open-coop/impact/outcomes",
                          "kind=into_job&date=2026-04-01&consent=1")
                .status,
            303);
  HttpReply page = Client().Get("/c/open-coop/impact");
  EXPECT_TRUE(Contains(page.body, "<th scope=\"row\">Into a job</th><td>3</td>"));
}

TEST_F(ImpactTest, PartnershipsFormedCountThemselves) {
  HttpReply created = Api("POST", "open-coop", "/indicators",
                          R"({"catalogue":"partnerships_formed","baseline":"0",)"
                          R"("baseline_date":"2026-01-01","target":"4","target_due":"2026-12-31"})",
                          Accounts::kBoard);
  ASSERT_EQ(created.status, 201) << created.body;
  // The board member (business) and the member (research) match across categories; the member
  // accepts.
  const auto profile = [&](const std::string& email, const std::string& body) {
    return Api("PUT", "open-coop", "/profile", body, email).status;
  };
  ASSERT_EQ(profile(Accounts::kBoard, R"({"offers":["law"],"needs":["data"]})"), 200);
  ASSERT_EQ(profile(Accounts::kMember, R"({"offers":["data"],"needs":["law"]})"), 200);
  HttpReply matches = Api("GET", "open-coop", "/matches", "", Accounts::kMember);
  const json::value parsed = json::parse(matches.body);
  ASSERT_EQ(parsed.at("items").as_array().size(), 1u) << matches.body;
  const int64_t other = parsed.at("items").as_array()[0].at("id").as_int64();
  ASSERT_EQ(Api("POST", "open-coop", "/matches/" + std::to_string(other),
                R"({"status":"accepted"})", Accounts::kMember)
                .status,
            200);
  HttpReply indicators = Api("GET", "open-coop", "/indicators", "", Accounts::kMember);
  const json::value list = json::parse(indicators.body);
  const json::object& formed = list.at("items").as_array()[0].as_object();
  EXPECT_EQ(formed.at("current").as_string(), "1");
  EXPECT_DOUBLE_EQ(formed.at("progress").as_double(), 0.25);
  // Funders see the same in the Common Impact Data Standard: a report for the month.
  const json::value document =
      json::parse(Client().Get("/api/v1/communities/open-coop/impact.jsonld").body);
  size_t counted = 0;
  for (const json::value& node : document.as_array()) {
    if (node.at("@type").as_string() != "cids:IndicatorReport") continue;
    EXPECT_NE(node.at("@id").as_string().find("/formed/"), std::string::npos);
    EXPECT_EQ(node.at("i72:value").at("i72:numerical_value").as_string(), "1");
    ++counted;
  }
  EXPECT_EQ(counted, 1u);
  // Issue 16, point 11: publishing the same circles twice on one day counted them twice. Now a
  // circle counts once, however often a set with the same members is published, and the
  // indicator's page lists what Andel counted.
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(
        Api("POST", "open-coop", "/circles", R"({"size":3,"seed":5})", Accounts::kBoard).status,
        201);
    ASSERT_EQ(Api("POST", "open-coop", "/circles/publish", "{}", Accounts::kBoard).status, 200);
  }
  const json::value again =
      json::parse(Api("GET", "open-coop", "/indicators", "", Accounts::kMember).body);
  EXPECT_EQ(again.at("items").as_array()[0].at("current").as_string(), "2");
  const std::string page =
      Client()
          .Get("/c/open-coop/impact/indicators/" +
               std::to_string(again.at("items").as_array()[0].at("id").as_int64()))
          .body;
  EXPECT_TRUE(Contains(page, "Andel counts 2 partnerships formed by itself:")) << page;
  EXPECT_TRUE(Contains(page, "A circle:"));
  EXPECT_TRUE(Contains(page, "A partnership:"));
  // The names only for those who may see the member list (private by default).
  EXPECT_FALSE(Contains(page, "Test member@test.dk"));
  const std::string indicator_path =
      "/c/open-coop/impact/indicators/" +
      std::to_string(again.at("items").as_array()[0].at("id").as_int64());
  EXPECT_TRUE(
      Contains(SignedIn(Accounts::kMember).Get(indicator_path).body, "Test member@test.dk"));
}

}  // namespace
}  // namespace andel::testing
