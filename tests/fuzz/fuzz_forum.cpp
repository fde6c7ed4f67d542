// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: a forum file through the loader, the citation checks, and, when valid, in the
// shipped catalogue (in place of the forum with its id, or beside them): the checks across
// files, then a shipped profile's whole recommend path.
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
    if (!cross.ok()) return;
    fuzz::require(!render_forum_list(cat).empty(), "empty forum list");
    fuzz::recommend_and_render(fuzz::shipped_profile(), cat);
  });
  return 0;
}
