// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: a forum file through the loader, the citation checks, its report and, when valid,
// in the shipped catalogue (in place of the forum with its id, or beside them): the checks across
// files and the forum list. A loader target, kept to what loading costs so that a long run
// reaches 10^7 executions (issue 19): a fuzzed forum's recommend path, its reports and the batch
// are fuzz_batch's, which swaps the same files in (a recommend under ASan costs about 0.17 s an
// input, which held this target to some 300 executions a second).
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  auto forum = fuzz::checked(parse_forum(*doc));
  if (!forum) return 0;
  fuzz::format_all(verify_citations(fuzz::shipped_files(), "data", {&*forum}, {}));
  fuzz::require(!render_forum(*forum).empty(), "empty forum report");
  Catalogue& cat = fuzz::shipped_catalogue();
  fuzz::with_swapped_in(cat.forums, std::move(*forum), [&] {
    Diagnostics cross = check_catalogue(cat);
    fuzz::format_all(cross);
    if (cross.ok()) fuzz::require(!render_forum_list(cat).empty(), "empty forum list");
  });
  return 0;
}
