// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Issue 15, coverage: every economy in data/countries.csv finds, from its `whichforum init`
// profile, at least one regional forum of its own region that it can join (eligible, or reachable
// by a procedure such as an application or an invitation), not one made only for others.
//
// The rule, stated once:
//  - A forum's region rules admit a country when, for every `region` entry rule, the country's
//    World Bank region is among the rule's `regions` or its ISO3 code among its `countries`.
//  - A forum is REGIONAL when it has at least one `region` entry rule and the economies it admits
//    (over data/countries.csv) come from fewer than all seven World Bank regions. The ITU's rule
//    (the UN members) admits all seven, so it is not regional; APEC's admits four, and is.
//  - A country is COVERED when some regional forum admits it by its region rules (not merely by a
//    current membership) and check_eligibility does not find it "not eligible".
// The country is built as `init` builds it: render_starter_profile, read back as a profile, then
// make_country. Economies with no EGDI in the data (territories, Taiwan, Kosovo) get the
// `[country_facts] egdi` and `egdi_rank` their starter profile asks for (placeholders; region
// rules do not read them).
#include "engine/catalogue.h"
#include "engine/country.h"
#include "engine/eligibility.h"
#include "engine/enum_names.h"
#include "engine/report.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace whichforum {

namespace {

// The shipped catalogue with the drafts in forums/drafts/ (the forums added for issue 15, held
// out of the recommendation until issue 13 gives them their real options; see forums/drafts/README.md).
Result<Catalogue> load_shipped() {
  RealFileSystem fs;
  const std::string root = WHICHFORUM_SOURCE_DIR;
  auto cat = load_catalogue(fs, {root + "/forums", root + "/criteria", root + "/data"});
  if (!cat.ok()) return cat;
  std::vector<std::string> drafts;
  std::string err;
  REQUIRE_MESSAGE(fs.list(root + "/forums/drafts", ".toml", &drafts, &err), err);
  for (const auto& path : drafts) {
    auto doc = load_document(fs, path);
    REQUIRE_MESSAGE(doc.ok(), test::messages(doc.diagnostics));
    auto forum = parse_forum(*doc.value, file_stem(path));
    REQUIRE_MESSAGE(forum.ok(), test::messages(forum.diagnostics));
    cat.value->forums.push_back(std::move(*forum.value));
  }
  std::sort(cat.value->forums.begin(), cat.value->forums.end(),
            [](const Forum& a, const Forum& b) { return a.id < b.id; });
  return cat;
}

bool admitted(const Forum& f, const CountryRecord& c) {
  bool any = false;
  for (const auto& r : f.entry_rules) {
    if (r.rule != EntryRuleKind::kRegion) continue;
    any = true;
    bool in = std::find(r.regions.begin(), r.regions.end(), c.wb_region) != r.regions.end() ||
              std::find(r.countries.begin(), r.countries.end(), c.iso3) != r.countries.end();
    if (!in) return false;
  }
  return any;
}

bool regional(const Forum& f, const ReferenceData& data) {
  std::set<std::string> regions;
  bool has_rule = false;
  for (const auto& r : f.entry_rules) has_rule = has_rule || r.rule == EntryRuleKind::kRegion;
  if (!has_rule) return false;
  for (const auto& [iso3, c] : data.countries) {
    if (admitted(f, c)) regions.insert(c.wb_region);
  }
  return !regions.empty() && regions.size() < 7;
}

// The country as `init` writes it, through the profile parser and make_country.
Result<CountryView> init_country(const CountryRecord& c, const Catalogue& cat) {
  std::string text = render_starter_profile(c, cat.data, cat);
  if (!cat.data.latest_egdi(c.iso3)) {
    const std::string header = "[country_facts]";
    auto at = text.find(header);
    REQUIRE(at != std::string::npos);
    at = text.find('\n', at) + 1;
    text.insert(at, "egdi = \"1/2\"\negdi_rank = 100\n");
  }
  Result<CountryView> out;
  auto doc = read_toml(text, "init-" + c.iso3 + ".toml");
  if (!doc.ok()) {
    out.diagnostics = doc.diagnostics;
    return out;
  }
  auto profile = parse_profile(*doc.value);
  if (!profile.ok()) {
    out.diagnostics = profile.diagnostics;
    return out;
  }
  return make_country(*profile.value, cat.data);
}

// Economies with no regional forum in the catalogue, each with the reason (reported in issue 15).
const std::map<std::string, std::string> kNoRegionalForum = {
    {"BMU", "Bermuda: a UK territory in North America; APEC (the North American regional forum) admits only CAN and USA"},
    {"CHI", "Channel Islands: Crown dependencies, not CEPT members in their own right"},
    {"IMN", "Isle of Man: a Crown dependency, not a CEPT member in its own right"},
    {"GIB", "Gibraltar: a UK territory, not a CEPT member in its own right"},
    {"FRO", "Faroe Islands: MR-Digital takes part with Denmark, but its entry rule lists only the Nordic and Baltic states"},
    {"GRL", "Greenland: as the Faroe Islands"},
    {"XKX", "Kosovo: not a member of CEPT or the RCC in the sources found"},
    {"ISR", "Israel: in the Middle East & North Africa region but in neither the League of Arab States nor the AU; not in CEPT"},
    {"IRN", "Iran: likely an APT member (an ESCAP member in Asia) but not verified, so APT's rule (South Asia, East Asia & Pacific) does not admit it"},
};

}  // namespace

TEST_SUITE("coverage") {
  TEST_CASE("coverage: issue 15: every economy's init profile can join a regional forum of its own region") {
    auto cat = load_shipped();
    REQUIRE_MESSAGE(cat.ok(), test::messages(cat.diagnostics));
    std::vector<const Forum*> regionals;
    for (const auto& f : cat.value->forums) {
      if (regional(f, cat.value->data)) regionals.push_back(&f);
    }
    REQUIRE(regionals.size() >= 7);
    std::set<std::string> covered_regions;
    std::vector<std::string> uncovered, stale_exceptions;
    // Not a structured binding: clang 14 cannot capture one in doctest's message lambda.
    for (const auto& entry : cat.value->data.countries) {
      const std::string& iso3 = entry.first;
      const CountryRecord& rec = entry.second;
      auto country = init_country(rec, *cat.value);
      REQUIRE_MESSAGE(country.ok(), iso3 << ": " << test::messages(country.diagnostics));
      std::string found;
      for (const Forum* f : regionals) {
        if (!admitted(*f, rec)) continue;
        if (check_eligibility(*f, *country.value).status == EligibilityStatus::kNotEligible) continue;
        found = f->id;
        break;
      }
      bool excepted = kNoRegionalForum.count(iso3) > 0;
      if (!found.empty()) covered_regions.insert(rec.wb_region);
      if (found.empty() && !excepted) uncovered.push_back(iso3 + " (" + rec.wb_region + ")");
      if (!found.empty() && excepted) stale_exceptions.push_back(iso3 + " now joins " + found);
    }
    std::string list;
    for (const auto& u : uncovered) list += u + "; ";
    CHECK_MESSAGE(uncovered.empty(), "no regional forum for: " << list);
    std::string stale;
    for (const auto& s : stale_exceptions) stale += s + "; ";
    CHECK_MESSAGE(stale_exceptions.empty(), "named exceptions that are covered now (remove them): " << stale);
    // Each of the seven World Bank regions has at least one economy with a regional forum.
    CHECK(covered_regions.size() == 7);
  }

  TEST_CASE("coverage: the rule tells a regional forum from a universal one") {
    auto cat = load_shipped();
    REQUIRE(cat.ok());
    const auto& data = cat.value->data;
    // ITU's rule lists every UN member: all seven regions, so not regional.
    REQUIRE(cat.value->find_forum("itu"));
    CHECK_FALSE(regional(*cat.value->find_forum("itu"), data));
    // Red GEALC (a region list) and the AU committee (a country list) are regional.
    REQUIRE(cat.value->find_forum("redgealc"));
    CHECK(regional(*cat.value->find_forum("redgealc"), data));
    REQUIRE(cat.value->find_forum("au_stc_cict"));
    CHECK(regional(*cat.value->find_forum("au_stc_cict"), data));
    // A forum with no region rule (the DCO admits by application) is not regional.
    REQUIRE(cat.value->find_forum("dco"));
    CHECK_FALSE(regional(*cat.value->find_forum("dco"), data));
    // Admission follows the rule: Kenya is admitted to the AU committee, France is not.
    CHECK(admitted(*cat.value->find_forum("au_stc_cict"), *data.find("KEN")));
    CHECK_FALSE(admitted(*cat.value->find_forum("au_stc_cict"), *data.find("FRA")));
  }
}

}  // namespace whichforum
