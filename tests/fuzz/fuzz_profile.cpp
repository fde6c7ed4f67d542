// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: a profile file through the loader, the checks against the shipped catalogue, and
// as a scenario overlay of a shipped profile.
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  auto profile = parse_profile(*doc);
  fuzz::format_all(profile.diagnostics);
  if (profile.ok()) fuzz::format_all(validate_profile(*profile.value, fuzz::shipped_catalogue()));
  auto overlaid = apply_overlay(fuzz::shipped_profile(), *doc);
  fuzz::format_all(overlaid.diagnostics);
  if (overlaid.ok()) fuzz::format_all(validate_profile(*overlaid.value, fuzz::shipped_catalogue()));
  return 0;
}
