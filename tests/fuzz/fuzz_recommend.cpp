// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: the whole recommend path on a fuzzed profile: parse, validate against the shipped
// catalogue, recommend, check the answer's invariants, render every report and briefing format.
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  if (auto profile = fuzz::checked(parse_profile(*doc))) fuzz::recommend_and_render(*profile, fuzz::shipped_catalogue());
  return 0;
}
