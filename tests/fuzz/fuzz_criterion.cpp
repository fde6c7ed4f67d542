// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: a criterion file through the loader, the citation checks and, when valid, in the
// shipped catalogue (in place of the criterion with its id, or beside them) the checks across
// files. A loader target, as fuzz_forum is: a fuzzed criterion's recommend path, its reports
// and the batch are fuzz_batch's.
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  auto criterion = fuzz::checked(parse_criterion(*doc));
  if (!criterion) return 0;
  fuzz::format_all(verify_citations(fuzz::shipped_files(), "data", {}, {&*criterion}));
  Catalogue& cat = fuzz::shipped_catalogue();
  fuzz::with_swapped_in(cat.criteria, std::move(*criterion), [&] { fuzz::format_all(check_catalogue(cat)); });
  return 0;
}
