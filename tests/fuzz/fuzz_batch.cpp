// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: a fuzzed catalogue, deep (issue 19 item 2). A forum or criterion file, when valid,
// goes into the shipped catalogue (in place of the one with its id, or beside them); then a
// shipped profile's recommend path with its four reports and the answer's invariants, and
// `batch` over three countries of three regions whose inference is quick (every country would
// take 8 s an input, and one input must stay well under the fuzzer's 30 s under the sanitizers),
// rendered in every format: its counts add up, the JSON is valid, the HTML has no script.
// fuzz_forum and fuzz_criterion fuzz the same files' loading alone, at loader speed.
#include "tests/fuzz/fuzz_support.h"

namespace {

// `cat` with only a few countries in its reference data (the cross-file checks ran on all).
whichforum::Catalogue small_copy(const whichforum::Catalogue& cat) {
  whichforum::Catalogue c = cat;
  std::map<std::string, whichforum::CountryRecord> keep;
  for (const char* iso3 : {"BRA", "IND", "KEN"}) keep[iso3] = c.data.countries.at(iso3);
  c.data.countries = std::move(keep);
  return c;
}

// The checks across files, then the recommend path and the batch, on `cat` with the fuzzed file in.
void deep(whichforum::Catalogue& cat) {
  using namespace whichforum;
  Diagnostics cross = check_catalogue(cat);
  fuzz::format_all(cross);
  if (!cross.ok()) return;
  fuzz::recommend_and_render(fuzz::shipped_profile(), cat, fuzz::Depth::kReports);
  Session session(small_copy(cat));
  auto batch = fuzz::checked(session.batch());
  if (!batch) return;
  const BatchSummary& s = batch->summary;
  fuzz::require(s.recommended + s.skipped == s.countries, "countries recommended and skipped do not add up");
  fuzz::require(s.kept_forum == s.kept_option + s.changed, "kept memberships do not add up");
  const World& w = batch->world;
  fuzz::require(w.kept_default <= w.held && w.kept_inferred <= w.held, "more kept than held");
  fuzz::require(!render_batch_text(*batch).empty(), "an empty batch report");
  (void)render_batch_csv(*batch);
  fuzz::require_json(render_batch_json(*batch), "the JSON batch is not valid JSON");
  fuzz::require(render_world_html(*batch).find("<script") == std::string::npos, "a script in the world page");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  Catalogue& cat = fuzz::shipped_catalogue();
  // A forum file or a criterion file: each parser refuses the other's schema.
  if (auto forum = fuzz::checked(parse_forum(*doc))) {
    fuzz::with_swapped_in(cat.forums, std::move(*forum), [&] { deep(cat); });
  } else if (auto criterion = fuzz::checked(parse_criterion(*doc))) {
    fuzz::with_swapped_in(cat.criteria, std::move(*criterion), [&] { deep(cat); });
  }
  return 0;
}
