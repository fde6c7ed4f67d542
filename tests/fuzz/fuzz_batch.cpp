// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: `batch` on a fuzzed catalogue (issue 19 item 2). A forum file, when valid, goes into
// the shipped catalogue (in place of the forum with its id, or beside them); the batch then runs
// over three countries of three regions whose inference is quick (every country would take 8 s
// an input, and one input must stay well under the fuzzer's 10 s under the sanitizers)
// and renders every format: its counts add up, the JSON is valid, the HTML has no script.
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  auto forum = fuzz::checked(parse_forum(*doc));
  if (!forum) return 0;
  Catalogue& cat = fuzz::shipped_catalogue();
  fuzz::with_swapped_in(cat.forums, std::move(*forum), [&] {
    Diagnostics cross = check_catalogue(cat);
    fuzz::format_all(cross);
    if (!cross.ok()) return;
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
  });
  return 0;
}
