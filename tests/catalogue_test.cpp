// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The catalogue: loading from a file system, cross-file checks, and the shipped data itself.
#include "engine/catalogue.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <set>

namespace whichforum {

using test::first_error;

namespace {

Result<Catalogue> load_shipped() {
  RealFileSystem fs;
  const std::string root = WHICHFORUM_SOURCE_DIR;
  return load_catalogue(fs, {root + "/forums", root + "/criteria", root + "/data"});
}

// The forum files in `fs` under "f" with one criterion "c/x.toml" and the minimal reference
// data under "d", loaded.
Result<Catalogue> load_forums(test::MemoryFileSystem& fs) {
  fs.files["c/x.toml"] = test::minimal_criterion("x");
  test::add_reference_data(fs, "d");
  return load_catalogue(fs, {"f", "c", "d"});
}

}  // namespace

TEST_SUITE("catalogue") {
  TEST_CASE("catalogue: forums load sorted by file name, aliases resolve") {
    test::MemoryFileSystem fs;
    fs.files["f/zz.toml"] = test::minimal_forum("zz");
    fs.files["f/aa.toml"] = test::minimal_forum("aa", "aliases = [\"Alpha\"]\n");
    auto cat = load_forums(fs);
    REQUIRE(cat.ok());
    CHECK(cat.value->forum_ids() == std::vector<std::string>{"aa", "zz"});
    CHECK(cat.value->resolve_forum("ALPHA") == "aa");
    CHECK(cat.value->resolve_forum("beta").empty());
  }
  TEST_CASE("catalogue: an alias shared by two forums fails") {
    test::MemoryFileSystem fs;
    fs.files["f/aa.toml"] = test::minimal_forum("aa", "aliases = [\"X\"]\n");
    fs.files["f/bb.toml"] = test::minimal_forum("bb", "aliases = [\"x\"]\n");
    auto cat = load_forums(fs);
    CHECK(first_error(cat.diagnostics) == "f/bb.toml:14:11: alias \"x\" of forum \"bb\" is already a name of forum \"aa\"");
  }
  TEST_CASE("catalogue: issue 7: an id that is another forum's alias fails at the id") {
    test::MemoryFileSystem fs;
    fs.files["f/aa.toml"] = test::minimal_forum("aa", "aliases = [\"BB\"]\n");
    fs.files["f/bb.toml"] = test::minimal_forum("bb");
    auto cat = load_forums(fs);
    CHECK(first_error(cat.diagnostics) == "f/bb.toml:2:6: id \"bb\" of forum \"bb\" is already a name of forum \"aa\"");
  }
  TEST_CASE("catalogue: issue 7: more than kMaxForums forum files are refused before any is read") {
    test::MemoryFileSystem fs;
    for (size_t i = 0; i <= kMaxForums; ++i) fs.files["f/f" + std::to_string(10000 + i) + ".toml"] = "not even TOML [";
    auto cat = load_forums(fs);
    CHECK(first_error(cat.diagnostics) ==
          "f: the forums catalogue holds 1001 .toml files; whichforum takes at most 1000 forums (see Limits in README.md)");
    CHECK(cat.diagnostics.error_count() == 1);
  }
  TEST_CASE("catalogue: a member unknown to the reference data fails") {
    test::MemoryFileSystem fs;
    fs.files["f/aa.toml"] = test::minimal_forum("aa", "members = { value = [\"ZZZ\"], source = \"data:S20\", as_of = \"2021\" }\n");
    auto cat = load_forums(fs);
    CHECK(first_error(cat.diagnostics) ==
          "f/aa.toml:14:11: \"ZZZ\" in \"members\" of forum \"aa\" is not a country in the reference data (data/countries.csv)");
  }
  TEST_CASE("catalogue: an empty forums directory fails with a pointer to --forums") {
    test::MemoryFileSystem fs;
    auto cat = load_forums(fs);
    CHECK(test::messages(cat.diagnostics).rfind(
              "whichforum: error: f: no such directory (the forums catalogue; point --forums at a "
              "directory of .toml files)\n", 0) == 0);
  }
  TEST_CASE("catalogue: file kinds are told from the schema key, else from content") {
    auto kind = [](const char* text) { return detect_kind(*read_toml(text, "k.toml").value); };
    CHECK(kind("schema = \"whichforum.forum/1\"") == FileKind::kForum);
    CHECK(kind("country = \"URY\"") == FileKind::kProfile);
    CHECK(kind("[[function]]\nindicator = \"x\"") == FileKind::kCriterion);
    CHECK(kind("founded = 1") == FileKind::kForum);
    CHECK(kind("x = 1") == FileKind::kUnknown);
  }
  TEST_CASE("citations: a quote that is not in the seed is caught") {
    test::MemoryFileSystem fs;
    fs.files["d/SOURCES.md"] = "**S20**: a source\n- S23: another\n";
    fs.files["d/seeds/002_e132a8afec64e78b.txt"] = "The DN holds two\n in-person meetings each year";
    auto good = test::forum_from(test::minimal_forum("aa",
        "calls_per_year = { value = 2, source = \"002_e132a8afec64e78b.txt\", quote = \"holds two in-person meetings\", as_of = \"2020\" }\n"));
    REQUIRE(good.ok());
    CHECK(verify_citations(fs, "d", {&*good.value}, {}).ok());
    auto bad = test::forum_from(test::minimal_forum("aa",
        "calls_per_year = { value = 2, source = \"002_e132a8afec64e78b.txt\", quote = \"holds three meetings\", as_of = \"2020\" }\n"));
    REQUIRE(bad.ok());
    CHECK(first_error(verify_citations(fs, "d", {&*bad.value}, {})) ==
          "t.toml:14:18: the quote of \"calls_per_year\" is not in 002_e132a8afec64e78b.txt: \"holds three meetings\"");
  }
  TEST_CASE("citations: an undefined data source id is caught") {
    test::MemoryFileSystem fs;
    fs.files["d/SOURCES.md"] = "**S20**: a source\n";
    auto f = test::forum_from(test::minimal_forum("aa", "calls_per_year = { value = 2, source = \"data:S20,S999\", as_of = \"2020\" }\n"));
    REQUIRE(f.ok());
    CHECK(first_error(verify_citations(fs, "d", {&*f.value}, {})) ==
          "t.toml:14:18: source id S999 of \"calls_per_year\" is not defined in data/SOURCES.md");
  }

  // The shipped catalogue: what the acceptance asks of the data itself.
  TEST_CASE("shipped: the catalogue loads with at least 15 forums and 6 criteria") {
    auto cat = load_shipped();
    INFO(test::messages(cat.diagnostics));
    REQUIRE(cat.ok());
    CHECK(cat.value->forums.size() >= 15);
    CHECK(cat.value->criteria.size() >= 6);
  }
  TEST_CASE("shipped: the forums the brief names are all there") {
    auto cat = load_shipped();
    REQUIRE(cat.ok());
    for (const char* id : {"dn", "dgx", "oecd_eleaders", "gpai", "govinsider", "oneteamgov", "hks_pd", "ogp",
                           "redgealc", "mr_digital", "foc", "paris_call", "christchurch_call", "igf", "esna"}) {
      CAPTURE(id);
      CHECK(cat.value->find_forum(id) != nullptr);
    }
    for (const char* id : {"peer_learning", "branding", "norm_setting", "digital_trade", "stewardship", "code_sharing"}) {
      CAPTURE(id);
      CHECK(cat.value->find_criterion(id) != nullptr);
    }
  }
  TEST_CASE("shipped: every fact and rule is sourced or a reasoned estimate, and every citation is real") {
    auto cat = load_shipped();
    REQUIRE(cat.ok());
    std::vector<const Forum*> forums;
    std::vector<const Criterion*> criteria;
    for (const auto& f : cat.value->forums) {
      forums.push_back(&f);
      for (const auto& [key, fact] : f.facts) {
        std::string where = f.id + "." + key;
        CAPTURE(where);
        CHECK((fact.prov.estimate ? !fact.prov.reason.empty() : !fact.prov.source.empty() && !fact.prov.as_of.empty()));
      }
      CHECK_FALSE(f.entry_rules.empty());
    }
    for (const auto& c : cat.value->criteria) criteria.push_back(&c);
    RealFileSystem fs;
    auto diags = verify_citations(fs, std::string(WHICHFORUM_SOURCE_DIR) + "/data", forums, criteria);
    INFO(test::messages(diags));
    CHECK(diags.ok());
  }
  TEST_CASE("shipped: every forum gives all eleven judgements the criteria read") {
    auto cat = load_shipped();
    REQUIRE(cat.ok());
    for (const auto& f : cat.value->forums) {
      for (const char* key : {"like_mindedness", "candour", "visibility", "prestige", "peer_maturity",
                              "private_sector_reach", "civil_society_reach", "core_stability",
                              "output_strength", "code_sharing", "early_warning"}) {
        std::string what = f.id + "." + key;
        CAPTURE(what);
        CHECK(f.fact(key) != nullptr);
      }
    }
  }
  TEST_CASE("shipped: DN's members match the reference membership table") {
    auto cat = load_shipped();
    REQUIRE(cat.ok());
    auto members = cat.value->find_forum("dn")->list("members");
    std::set<std::string> got(members.begin(), members.end());
    CHECK(got == std::set<std::string>{"EST", "ISR", "NZL", "KOR", "GBR", "CAN", "URY", "MEX", "PRT", "DNK"});
  }
  TEST_CASE("shipped: the three profiles are valid against the catalogue") {
    for (std::string name : {"uruguay", "canada", "estonia"}) {
      CAPTURE(name);
      auto p = test::shipped_session().load_profile(std::string(WHICHFORUM_SOURCE_DIR) + "/profiles/" + name + ".toml");
      INFO(test::messages(p.diagnostics));
      CHECK(p.ok());
    }
  }
}

}  // namespace whichforum
