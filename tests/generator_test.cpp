// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The seeded instance generator: the same files for a seed on every compiler, valid and shaped.
#include "bench/generator.h"

#include <doctest/doctest.h>

namespace whichforum {

namespace {

CatalogueDirs shipped() {
  const std::string src = WHICHFORUM_SOURCE_DIR;
  return {src + "/forums", src + "/criteria", src + "/data"};
}

std::uint64_t digest(const std::map<std::string, std::string>& files) {
  std::uint64_t h = fnv1a("");
  for (const auto& [path, text] : files) h = fnv1a(text, fnv1a(path, h));
  return h;
}

}  // namespace

TEST_SUITE("generator") {
  TEST_CASE("generator: splitmix64 gives the published first outputs for seed 1234567") {
    // Reference values of splitmix64 (Vigna's splitmix64.c) from seed 1234567.
    bench::SplitMix64 rng(1234567);
    CHECK(rng.next() == 6457827717110365317ULL);
    CHECK(rng.next() == 3203168211198807973ULL);
    CHECK(rng.next() == 9817491932198370423ULL);
  }
  TEST_CASE("generator: one seed gives the same files every time and on every compiler") {
    bench::InstanceSpec spec;
    spec.seed = 7;
    spec.forums = 6;
    auto a = bench::generate_instance(spec, shipped());
    auto b = bench::generate_instance(spec, shipped());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a.value == *b.value);
    // The digest pins the stream: gcc and clang (./dev test-clang) must both give it.
    CHECK(digest(*a.value) == 6512735033792209410ULL);
    spec.seed = 8;
    auto c = bench::generate_instance(spec, shipped());
    REQUIRE(c.ok());
    CHECK(digest(*c.value) != digest(*a.value));
  }
  TEST_CASE("generator: every fact is an estimate saying it is synthetic, and budgets bind") {
    bench::InstanceSpec spec;
    spec.seed = 11;
    spec.forums = 12;
    spec.constraints = true;
    auto files = bench::generate_instance(spec, shipped());
    REQUIRE(files.ok());
    CHECK(files.value->size() == 13);
    const std::string& forum = files.value->at("forums/s001.toml");
    size_t facts = 0, synthetic = 0;
    for (size_t at = forum.find("{ value = "); at != std::string::npos; at = forum.find("{ value = ", at + 1)) ++facts;
    for (size_t at = forum.find("estimate = true, reason = \"synthetic instance, seed 11\""); at != std::string::npos;
         at = forum.find("estimate = true, reason = \"synthetic instance, seed 11\"", at + 1)) {
      ++synthetic;
    }
    CHECK(facts >= 20);
    CHECK(synthetic == facts);
    bench::InstanceFileSystem memory("g", *files.value);
    CatalogueDirs dirs = shipped();
    dirs.forums = "g/forums";
    auto cat = load_catalogue(memory, dirs);
    REQUIRE(cat.ok());
    CHECK(cat.value->forums.size() == 12);
    auto doc = load_document(memory, "g/profile.toml");
    REQUIRE(doc.ok());
    auto profile = parse_profile(*doc.value);
    REQUIRE(profile.ok());
    auto rec = recommend(*profile.value, *cat.value);
    REQUIRE(rec.ok());
    // Money binds: the budget is 20-60% of taking every forum at its most committed level.
    Exact most = 0;
    for (const auto& item : rec.value->problem.items) {
      Exact m = 0;
      for (const auto& o : item.options) m = std::max(m, o.cost[0]);
      most += m;
    }
    CHECK(rec.value->budget[0] * 5 >= most);
    CHECK(rec.value->budget[0] * 5 <= most * 3 + 5);
  }
}

}  // namespace whichforum
