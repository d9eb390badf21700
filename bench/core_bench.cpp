// Micro-benchmarks of the pure parts that every request or import goes through.
#include <benchmark/benchmark.h>

#include <set>
#include <string>

#include "communities/member_csv.h"
#include "core/text.h"
#include "web/forms.h"

namespace {

std::string MemberFile(int rows) {
  std::string text = "email,name,organisation,category,role,shares,joined_on,status\n";
  for (int i = 0; i < rows; ++i) {
    text += "m" + std::to_string(i) + "@example.dk,Søren Ærø " + std::to_string(i) +
            ",\"Fonden, Aarhus\",citizen,member,3,2023-04-01,active\n";
  }
  return text;
}

void BM_ParseMemberCsv(benchmark::State& state) {
  const std::string text = MemberFile(static_cast<int>(state.range(0)));
  const std::vector<andel::communities::Category> categories = {
      {.code = "citizen", .name_en = "Citizen", .name_da = "Borger", .name_nl = "Burger"}};
  for (auto _ : state) {
    benchmark::DoNotOptimize(andel::communities::ParseMemberCsv(text, categories));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseMemberCsv)->Arg(150)->Arg(10000);

void BM_Utf8Validation(benchmark::State& state) {
  const std::string text = MemberFile(1000);
  for (auto _ : state) benchmark::DoNotOptimize(andel::IsValidUtf8(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Utf8Validation);

void BM_ParseForm(benchmark::State& state) {
  const std::string body =
      "csrf=0123456789abcdef0123456789abcdef&name=S%C3%B8ren+Lund&email=s%40x.dk";
  for (auto _ : state) benchmark::DoNotOptimize(andel::web::ParseUrlEncoded(body));
}
BENCHMARK(BM_ParseForm);

}  // namespace
