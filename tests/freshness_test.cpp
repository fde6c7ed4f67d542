// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Freshness (issue 15): facts by their as_of, and membership facts older than an event their own
// forum records. The shipped catalogue's stale facts must be exactly the known ones below.
#include "engine/freshness.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <set>
#include <tuple>

namespace whichforum {

namespace {

// `text` with the line starting `key = ` replaced by `line`.
std::string with_line(std::string text, const std::string& key, const std::string& line) {
  size_t at = text.find("\n" + key + " = ");
  REQUIRE(at != std::string::npos);
  size_t end = text.find('\n', at + 1);
  return text.replace(at + 1, end - at - 1, line);
}

Catalogue load(test::MemoryFileSystem& fs) {
  fs.files["c/x.toml"] = test::minimal_criterion("x");
  test::add_reference_data(fs, "d");
  auto cat = load_catalogue(fs, {"f", "c", "d"});
  REQUIRE_MESSAGE(cat.ok(), test::messages(cat.diagnostics));
  return *cat.value;
}

}  // namespace

TEST_SUITE("freshness") {
  TEST_CASE("freshness: partial dates compare at the precision they share") {
    CHECK(is_partial_date("2022"));
    CHECK(is_partial_date("2022-11"));
    CHECK(is_partial_date("2022-11-03"));
    CHECK_FALSE(is_partial_date("2022-1"));
    CHECK_FALSE(is_partial_date("22-11-03"));
    CHECK_FALSE(is_partial_date("2022/11/03"));
    CHECK(compare_partial_dates("2022-10", "2022-11-03") < 0);
    CHECK(compare_partial_dates("2022-11", "2022-11-03") == 0);  // a month is not older than a day in it
    CHECK(compare_partial_dates("2023", "2022-12-31") > 0);
    CHECK(compare_partial_dates("2021-05-07", "2021-05-06") > 0);
  }

  TEST_CASE("freshness: facts are listed oldest first, with forum, key, as_of and source") {
    test::MemoryFileSystem fs;
    fs.files["f/aa.toml"] = with_line(test::minimal_forum("aa"), "member_count",
                                      "member_count = { value = 10, source = \"data:S22\", as_of = \"2019-04\" }") +
                            "candour = { value = \"0.5\", estimate = true, reason = \"r\" }\n";
    fs.files["f/bb.toml"] = with_line(test::minimal_forum("bb"), "founded",
                                      "founded = { value = 2014, source = \"data:S20\", as_of = \"2016\" }");
    Catalogue cat = load(fs);
    auto all = facts_by_age(cat);
    REQUIRE(all.size() == 2 * 9);  // the nine dated facts of each minimal forum; the estimate has no date
    CHECK(all[0].forum_id == "bb");
    CHECK(all[0].key == "founded");
    CHECK(all[0].as_of == "2016");
    CHECK(all[0].source == "data:S20");
    CHECK(all[1].forum_id == "aa");
    CHECK(all[1].key == "member_count");
    CHECK(all[1].as_of == "2019-04");
    for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].as_of <= all[i].as_of);

    FreshnessOptions before;
    before.before = "2020";
    auto old = facts_by_age(cat, before);
    REQUIRE(old.size() == 2);
    CHECK(old[1].key == "member_count");

    FreshnessOptions undated;
    undated.include_undated = true;
    auto with_undated = facts_by_age(cat, undated);
    REQUIRE(with_undated.size() == all.size() + 1);
    CHECK(with_undated[0].key == "candour");
    CHECK(with_undated[0].as_of.empty());
    CHECK(with_undated[0].estimate);
  }

  TEST_CASE("freshness: a member list older than the forum's last venue or a recorded event is stale") {
    test::MemoryFileSystem fs;
    std::string text = test::minimal_forum("dn", "aliases = [\"Digital Nations\"]\n");
    text = with_line(text, "venues", "venues = { value = [\"GBR:London\"], source = \"data:S23\", as_of = \"2022-11-03\" }");
    text = with_line(text, "member_count", "member_count = { value = 10, source = \"data:S20\", as_of = \"2021\" }");
    fs.files["f/dn.toml"] = text;
    Catalogue cat = load(fs);
    CHECK(forum_for_event(cat, "DN") == "dn");
    CHECK(forum_for_event(cat, "DIGITALNATIONS") == "dn");
    CHECK(forum_for_event(cat, "EUSNS").empty());

    auto events = parse_membership_events(
        "forum_id,iso3,country_name,event,event_year,event_date,basis,source_ids,note\n"
        "DN,MEX,Mexico,joined,2018,2018-11,explicit,S20,\n"
        "DN,DNK,Denmark,joined,2023,,explicit,S21,\n"
        "EUSNS,ISL,Iceland,signatory,2024,2024-01,explicit,S67,\n",
        "m.csv");
    REQUIRE(events.ok());
    auto stale = find_stale_facts(cat, *events.value);
    REQUIRE(stale.size() == 2);
    CHECK(stale[0].key == "member_count");
    CHECK(stale[0].event == "venues");
    CHECK(stale[0].event_date == "2022-11-03");
    CHECK(stale[1].event == "memberships.csv:3 DNK joined");  // the newest event, by the year alone
    CHECK(stale[1].event_date == "2023");

    // Brought up to date (a month is not older than a day in it), nothing is stale.
    fs.files["f/dn.toml"] = with_line(text, "member_count",
                                      "member_count = { value = 10, source = \"data:S20\", as_of = \"2023-01\" }");
    fs.files["f/dn.toml"] = with_line(fs.files["f/dn.toml"], "venues",
                                      "venues = { value = [\"GBR:London\"], source = \"data:S23\", as_of = \"2023-01-20\" }");
    Catalogue fresh = load(fs);
    CHECK(find_stale_facts(fresh, *events.value).empty());
  }

  TEST_CASE("freshness: a membership event with a malformed date is an error at its line") {
    auto events = parse_membership_events(
        "forum_id,iso3,country_name,event,event_year,event_date,basis,source_ids,note\n"
        "DN,MEX,Mexico,joined,2018,Nov 2018,explicit,S20,\n",
        "m.csv");
    CHECK(test::first_error(events.diagnostics) == "m.csv:2:1: event date \"Nov 2018\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  }

  TEST_CASE("freshness: the shipped catalogue's stale membership facts are exactly the known ones") {
    // Each known case: no newer count or list was found in the issue-15 review (2026-12-01).
    // Fix the fact (a newer source) and remove its line here; a new stale fact fails the test.
    const std::set<std::tuple<std::string, std::string, std::string>> known = {
        // 48 countries + EC (2020) and the US (2021) are the latest counts; summits ran to Nov 2023.
        {"christchurch_call", "member_count", "venues"},
        {"christchurch_call", "other_members", "venues"},
        // DGX's only count is the nine countries of the 2016 inaugural meeting (002); editions to 2025.
        {"dgx", "member_count", "venues"},
        // GPAI's list and count are the Jul 2024 integration (S36); the Dec 2024 Belgrade summit
        // record (S39b) gives no member list; the EU's membership is recorded only at founding.
        {"gpai", "members", "venues"},
        {"gpai", "member_count", "venues"},
        {"gpai", "other_members", "venues"},
        // E-Leaders membership = OECD membership, last accession May 2021 (S08); the Nov 2025
        // meeting report (S163) gives no member count.
        {"oecd_eleaders", "members", "venues"},
        {"oecd_eleaders", "member_count", "venues"},
        // ITU's 194 are the Secretary-General's count of Nov 2025 (S243); the venue list is of the
        // Feb 2026 PP-26 notice, and no later count or accession was found (review of 2026-12-07).
        {"itu", "members", "venues"},
        {"itu", "member_count", "venues"},
        // Red GEALC's count is an estimate from meeting attendance up to Nov 2024 (S83); the Oct
        // 2025 annual meeting report (S84) gives no count.
        {"redgealc", "member_count", "venues"},
        // SEMIC's only country count is 2022's 60 (S531); the 2024 report counts people, not
        // countries (S528), and none was found for the Copenhagen 2025 conference.
        {"semic", "member_count", "venues"},
    };
    std::set<std::tuple<std::string, std::string, std::string>> found;
    std::string listing;
    for (const auto& s : find_stale_facts(test::shipped(), test::shipped_events())) {
      std::string kind = s.event == "venues" ? "venues" : "memberships.csv";
      found.insert({s.forum_id, s.key, kind});
      if (!known.count({s.forum_id, s.key, kind}))
        listing += s.forum_id + "." + s.key + " as_of " + s.as_of + " is older than " + s.event + " (" +
                   s.event_date + ")\n";
    }
    CHECK_MESSAGE(listing.empty(), "stale facts not in the known list:\n" << listing);
    for (const auto& k : known)
      CHECK_MESSAGE(found.count(k), "no longer stale, remove from the known list: " << std::get<0>(k) << "."
                                                                                   << std::get<1>(k));
  }
}

}  // namespace whichforum
