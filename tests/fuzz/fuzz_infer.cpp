// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: `infer` on a fuzzed profile (issue 19 item 2): parse, validate against the shipped
// catalogue, infer, check the answer's invariants (a least regret >= 0; weights on the simplex;
// the centre and the nearest weighting in the set; a distance in 0..1) and render every format.
#include "tests/fuzz/fuzz_support.h"

namespace {

void require_simplex(const std::vector<whichforum::Exact>& w, const char* what) {
  whichforum::Exact sum = 0;
  for (const auto& x : w) {
    whichforum::fuzz::require(x >= 0, what);
    sum += x;
  }
  whichforum::fuzz::require(sum == 1, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace whichforum;
  static const Session session(fuzz::shipped_catalogue());
  auto doc = fuzz::document(data, size, "fuzz.toml");
  if (!doc) return 0;
  auto profile = fuzz::checked(session.profile_from(*doc));
  if (!profile) return 0;
  auto answer = fuzz::checked(session.infer(*profile));
  if (!answer) return 0;
  if (answer->status != AnswerStatus::kOptimal) {
    fuzz::require(!answer->why.empty(), "an inference that was not made, without a reason");
    return 0;
  }
  const Inference& inf = *answer->inference;
  fuzz::require(inf.regret >= 0, "a negative regret");
  fuzz::require(!inf.set.vertices.empty(), "an empty set");
  for (const auto& v : inf.set.vertices) require_simplex(v, "an extreme point off the simplex");
  require_simplex(inf.centre, "a centre off the simplex");
  fuzz::require(inf.set.contains(inf.centre), "a centre outside the set");
  fuzz::require(inf.distance >= 0 && inf.distance <= 1, "a distance outside 0..1");
  fuzz::require(inf.nearest.empty() || inf.set.contains(inf.nearest), "a nearest weighting outside the set");
  fuzz::require(inf.distance > 0 || inf.stated_meets, "the stated weights in the set, yet the sets do not meet");
  for (Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kCsv}) {
    std::string out = render_infer(answer->recommendation, *profile, inf, f);
    fuzz::require(!out.empty(), "an empty report");
    if (f == Format::kJson) fuzz::require_json(out, "the JSON inference is not valid JSON");
  }
  return 0;
}
