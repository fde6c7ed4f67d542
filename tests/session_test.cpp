// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Session: the one entry object. Each use case through it, and the decisions that moved into it
// from the CLI (alias resolution, what-if requests, check's kind dispatch and duplicates).
#include "memory_file_system.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace whichforum {

namespace {

const std::string kRoot = WHICHFORUM_SOURCE_DIR;

CatalogueDirs shipped_dirs() { return {kRoot + "/forums", kRoot + "/criteria", kRoot + "/data"}; }

std::string uruguay() { return kRoot + "/profiles/uruguay.toml"; }

}  // namespace

TEST_SUITE("session") {
  TEST_CASE("session: opens the shipped catalogue and loads a profile in one call each") {
    auto s = Session::open(shipped_dirs());
    REQUIRE(s.ok());
    auto p = s.value->load_profile(uruguay());
    REQUIRE(p.ok());
    CHECK(p.value->country == "URY");
    auto rec = s.value->recommend(*p.value);
    REQUIRE(rec.ok());
    CHECK(rec.value->status == AnswerStatus::kOptimal);
    // The recommendation holds the catalogue it points into, so it outlives the session.
    CHECK(rec.value->catalogue.get() == &s.value->catalogue());
  }
  TEST_CASE("session: a profile that names an unknown forum fails the call with FILE:LINE:COL") {
    auto files = std::make_shared<test::MemoryFileSystem>();
    files->files["bad.toml"] =
        "schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"Uruguay\"\n"
        "[objectives]\npeer_learning = 1\n[capacity]\nmoney = 1000\nstaff_days = 10\nministerial_days = 1\n"
        "[memberships]\ndnn = \"member\"\n";
    Session s(test::shipped(), files);
    auto p = s.load_profile("bad.toml");
    CHECK_FALSE(p.ok());
    CHECK_FALSE(p.value.has_value());
    REQUIRE_FALSE(p.diagnostics.items().empty());
    const std::string m = format_diagnostic(p.diagnostics.items().front());
    INFO(m);
    CHECK(m.find("bad.toml:11:") != std::string::npos);
    CHECK(m.find("did you mean \"dn\"") != std::string::npos);
  }
  TEST_CASE("session: forum names resolve through the catalogue, ids and aliases in any case") {
    const Session& s = test::shipped_session();
    for (std::string name : {"dn", "DN", "d9", "D9", "Digital 5"}) {
      CAPTURE(name);
      auto id = s.resolve_forum(name);
      REQUIRE(id.ok());
      CHECK(*id.value == "dn");
    }
    auto bad = s.resolve_forum("dnn");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.diagnostics.items().front().message == "unknown forum id \"dnn\"; did you mean \"dn\"? (see: whichforum forums)");
  }
  TEST_CASE("session: explain takes an alias and produces every budget walk before rendering") {
    const Session& s = test::shipped_session();
    Profile p = test::shipped_profile("uruguay");  // OGP in its portfolio; Canada's is below its price
    auto e = s.explain(p, "OGP");
    REQUIRE(e.ok());
    CHECK(e.value->forum == "ogp");
    REQUIRE(e.value->flips.size() == 3);
    // Each change the walk reports really flips the forum: with that budget it is in (or out).
    int flips = 0;
    for (size_t r = 0; r < 3; ++r) {
      CAPTURE(r);
      CHECK(e.value->flips[r].status == AnswerStatus::kOptimal);
      if (!e.value->flips[r].change) continue;
      ++flips;
      Profile moved = p;
      Exact* budget[] = {&moved.capacity.money, &moved.capacity.staff_days, &moved.capacity.ministerial_days};
      *budget[r] += *e.value->flips[r].change;
      auto rec = s.recommend(moved);
      REQUIRE(rec.ok());
      bool in = false;
      for (const auto& c : rec.value->portfolio) in = in || c.forum == "ogp";
      CHECK(in != e.value->in_portfolio);
    }
    CHECK(flips >= 1);
  }
  TEST_CASE("session: what-if requests are checked in the engine") {
    const Session& s = test::shipped_session();
    Profile p = test::shipped_profile("uruguay");
    WhatIfRequest both;
    both.budgets = {"money=0:100000:50000"};
    both.scenarios = {kRoot + "/profiles/scenarios/uruguay_norm_setter.toml"};
    auto r = s.whatif(p, both);
    REQUIRE_FALSE(r.ok());
    CHECK(r.diagnostics.items().front().message == "give --budget sweeps or --scenario files, not both");
    WhatIfRequest uneven;
    uneven.budgets = {"money=0:100000:50000", "staff_days=0:100:10"};
    auto u = s.whatif(p, uneven);
    REQUIRE_FALSE(u.ok());
    CHECK(u.diagnostics.items().front().message ==
          "--budget staff_days=0:100:10: sweeps taken together need the same number of points");
    WhatIfRequest scen;
    scen.scenarios = {kRoot + "/profiles/scenarios/uruguay_norm_setter.toml"};
    scen.vs_current = true;
    auto w = s.whatif(p, scen);
    REQUIRE(w.ok());
    CHECK(w.value->status == AnswerStatus::kOptimal);
    REQUIRE(w.value->points.size() == 3);  // current, profile, the scenario
    CHECK(w.value->points[0].label == "current memberships");
    CHECK(w.value->points[1].label == "profile");
  }
  TEST_CASE("session: check tells kinds apart and refuses two forum files with one id") {
    // Real files: the forum checks read the shipped reference data beside them.
    const auto dir = std::filesystem::temp_directory_path() / ("whichforum-session-check-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "a");
    std::filesystem::create_directories(dir / "b");
    const std::string forum = test::minimal_forum("zz");
    for (const char* sub : {"a", "b"}) std::ofstream(dir / sub / "zz.toml") << forum;
    std::ofstream(dir / "what.toml") << "x = 1\n";
    RealFileSystem disk;
    const std::string a = (dir / "a/zz.toml").string(), b = (dir / "b/zz.toml").string();
    CheckReport r = Session::check(disk, shipped_dirs(), {a, b, (dir / "what.toml").string()}, std::nullopt);
    std::filesystem::remove_all(dir);
    REQUIRE(r.files.size() == 3);
    CHECK(r.files[0].what == "forum zz");
    CHECK(r.files[0].ok());
    CHECK_FALSE(r.files[1].ok());
    CHECK(r.files[1].diagnostics.items().front().message == "duplicate forum zz: " + a + " defines it too");
    CHECK(r.files[2].what == "unknown");
    CHECK_FALSE(r.files[2].ok());
    CHECK(r.invalid() == 2);
  }
  TEST_CASE("session: [country_facts] egdi replaces the reference data's EGDI in the model") {
    Profile base = test::shipped_profile("uruguay");
    auto plain = test::shipped_session().recommend(base);
    REQUIRE(plain.ok());
    CHECK(plain.value->country.egdi_source != "profile");
    std::string text, err;
    RealFileSystem disk;
    REQUIRE(disk.read(uruguay(), &text, &err));
    // Into the profile's own [country_facts] table, which must not state an EGDI already.
    REQUIRE(text.find("egdi =") == std::string::npos);
    const size_t at = text.find("[country_facts]\n");
    REQUIRE(at != std::string::npos);
    text.insert(at + 16, "egdi = \"0.3\"\n");
    Profile low = test::profile_text(text);
    auto rec = test::shipped_session().recommend(low);
    REQUIRE(rec.ok());
    CHECK(rec.value->country.egdi == Exact(3, 10));
    CHECK(rec.value->country.egdi_source == "profile");
    // The EGDI feeds peer learning through the gap to the forums' members: the values move.
    CHECK(rec.value->total_value != plain.value->total_value);
  }
}

}  // namespace whichforum
