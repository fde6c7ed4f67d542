// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: a profile file through the loader, the checks against the shipped catalogue, and
// as a scenario overlay of a shipped profile.
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  const Catalogue& cat = fuzz::shipped_catalogue();
  if (auto profile = fuzz::checked(parse_profile(*doc))) fuzz::format_all(validate_profile(*profile, cat));
  if (auto overlaid = fuzz::checked(apply_overlay(fuzz::shipped_profile(), *doc))) {
    fuzz::format_all(validate_profile(*overlaid, cat));
  }
  return 0;
}
