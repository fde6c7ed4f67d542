// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Recorded memberships (data/memberships.csv -> `init`) and `batch` (issue 13 items 6 and 7):
// which memberships are current and since when, what init writes and what the data says a
// country adheres to, and the batch's rows, counts and shares.
#include "engine/batch.h"
#include "engine/freshness.h"
#include "engine/memberships.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <set>

#include <algorithm>

namespace whichforum {

namespace {

std::vector<MembershipEvent> events_from(const std::string& rows) {
  auto events = parse_membership_events(
      "forum_id,iso3,country_name,event,event_year,event_date,basis,source_ids,note\n" + rows, "m.csv");
  REQUIRE_MESSAGE(events.ok(), test::messages(events.diagnostics));
  return *events.value;
}

std::vector<Forum> forums(std::initializer_list<const char*> ids) {
  std::vector<Forum> out;
  for (const char* id : ids) {
    auto f = test::forum_from(test::minimal_forum(id));
    REQUIRE_MESSAGE(f.ok(), test::messages(f.diagnostics));
    out.push_back(*f.value);
  }
  return out;
}

// csv forum_id "AA" -> forum "aa", and so on; anything else names no forum.
std::string lower_id(std::string_view csv) {
  std::string s(csv);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "zz" ? "" : s;
}

const RecordedMembership* find(const std::vector<RecordedMembership>& ms, const std::string& forum) {
  for (const auto& m : ms)
    if (m.forum == forum) return &m;
  return nullptr;
}

Choice choice(const std::string& forum, const std::string& level, int value) {
  Choice c;
  c.forum = forum;
  c.option = level;
  c.name = "Option " + level;
  c.value = Exact(value);
  return c;
}

Recommendation recommendation(const std::string& iso3) {
  Recommendation rec;
  rec.country.iso3 = iso3;
  rec.country.name = "Country " + iso3;
  rec.status = AnswerStatus::kOptimal;
  return rec;
}

}  // namespace

TEST_SUITE("batch") {
  TEST_CASE("memberships: the current spell is the run of membership events at the end, in date order") {
    auto fs = forums({"aa", "bb", "cc", "dd", "ee"});
    auto events = events_from(
        // aa: joined, withdrew, joined again: current since the second join; sources of that spell only.
        "AA,URY,Uruguay,joined,2012,2012-05,explicit,S1,\n"
        "AA,URY,Uruguay,withdrawn,2016,2016-12,explicit,S2,\n"
        "AA,URY,Uruguay,participant_snapshot,2024,2024-04,explicit,S4;S3,\n"
        "AA,URY,Uruguay,joined,2019,2019-03,explicit,S3,\n"
        // bb: withdrawn with no date: it still ends the membership.
        "BB,URY,Uruguay,committed_at_launch,2011,2011-09-20,explicit,S5,\n"
        "BB,URY,Uruguay,withdrawn,,,explicit,S6,\n"
        // cc: invited with no date, then joined: current since the join.
        "CC,URY,Uruguay,invited,,,explicit,S7,\n"
        "CC,URY,Uruguay,joined,2024,2024-07-03,derived,S8,\n"
        // dd: an observer with no date: current, no start year.
        "DD,URY,Uruguay,observer,,,explicit,S9,\n"
        // ee: announced only: not a member. zz names no forum; another country's rows are not ours.
        "EE,URY,Uruguay,announced_intent_to_join,2016,2016-12,explicit,S10,\n"
        "ZZ,URY,Uruguay,joined,2020,2020,explicit,S11,\n"
        "EE,CAN,Canada,joined,2015,2015,explicit,S12,\n");
    auto ms = recorded_memberships(fs, events, "URY", lower_id);
    REQUIRE(ms.size() == 3);
    const auto* aa = find(ms, "aa");
    REQUIRE(aa);
    CHECK(aa->since == 2019);
    CHECK(aa->event == "participant_snapshot");
    CHECK(aa->option == "member");
    CHECK(aa->lines == std::vector<int>{5, 4});
    CHECK(aa->sources == std::vector<std::string>{"S3", "S4"});
    CHECK_FALSE(find(ms, "bb"));
    const auto* cc = find(ms, "cc");
    REQUIRE(cc);
    CHECK(cc->since == 2024);
    CHECK(cc->lines == std::vector<int>{9});
    const auto* dd = find(ms, "dd");
    REQUIRE(dd);
    CHECK(dd->option == "member");  // minimal_forum offers member and lead, no attend option
    CHECK(dd->event == "observer");
    CHECK_FALSE(dd->since.has_value());
    CHECK_FALSE(find(ms, "ee"));
    CHECK(recorded_memberships(fs, events, "CAN", lower_id).size() == 1);
  }

  TEST_CASE("memberships: the option an event stands for is the one that lists it, else the least committed of its kind") {
    Forum f;
    f.id = "aa";
    EngagementOption attend, join, chair;
    attend.id = "attendee", attend.kind = OptionKind::kAttend;
    join.id = "participant", join.kind = OptionKind::kJoin, join.membership_events = {"joined", "founding_member"};
    chair.id = "chair", chair.kind = OptionKind::kChair;
    f.options = {attend, join, chair};
    CHECK(option_for_event(f, "founding_member").id == "participant");
    CHECK_FALSE(option_for_event(f, "founding_member").guessed);
    // Listed nowhere: guessed, and said so in the line init writes.
    CHECK(option_for_event(f, "observer").id == "attendee");
    CHECK(option_for_event(f, "observer").guessed);
    CHECK(option_for_event(f, "signatory").id == "participant");
    CHECK(option_for_event(f, "signatory").guessed);
    // A forum that declares none: its engagement levels (minimal_forum offers member and lead).
    auto levels = forums({"bb"});
    CHECK(option_for_event(levels[0], "joined").id == "member");
    CHECK_FALSE(option_for_event(levels[0], "joined").guessed);
    CHECK(option_for_event(levels[0], "observer").id == "member");
  }

  TEST_CASE("memberships: the shipped record, as init reads it") {
    const Catalogue& cat = test::shipped();
    auto usa = current_memberships(cat, "USA");
    // Both withdrawals of 2026 (S150, S155) end the membership whatever the forum files list.
    CHECK_FALSE(find(usa, "ogp"));
    CHECK_FALSE(find(usa, "foc"));
    auto est = current_memberships(cat, "EST");
    REQUIRE(find(est, "dn"));
    CHECK(find(est, "dn")->since == 2014);
    CHECK(find(est, "dn")->event == "founding_member");
    REQUIRE(find(est, "ogp"));
    CHECK(find(est, "ogp")->since == 2011);
    // mr_digital's csv id is "MRDIGITAL", its alias "MR-DIGITAL".
    REQUIRE(find(est, "mr_digital"));
    CHECK(find(est, "mr_digital")->event == "participant");
    // E-Leaders has no csv rows: its members list stands.
    REQUIRE(find(est, "oecd_eleaders"));
    CHECK(find(est, "oecd_eleaders")->event.empty());
    // Its membership proper: the delegate by right under the forum's rules, not the invitation
    // option for non-members.
    CHECK(find(est, "oecd_eleaders")->option == "member");
    CHECK_FALSE(find(est, "oecd_eleaders")->option_guessed);
    // Suspended for good (2023, S151) and withdrawn (2023, S153): not OGP participants.
    CHECK_FALSE(find(current_memberships(cat, "AZE"), "ogp"));
    CHECK_FALSE(find(current_memberships(cat, "SLV"), "ogp"));
    // Red GEALC's observers are the Iberian countries outside the region (S80).
    REQUIRE(find(current_memberships(cat, "ESP"), "redgealc"));
    CHECK(find(current_memberships(cat, "ESP"), "redgealc")->option == "observer");
  }

  TEST_CASE("memberships: every shipped membership event of a catalogue forum is listed by exactly one of its options") {
    // So init never guesses an option from the shipped data; a new event kind in the csv, or a
    // forum file that drops one from membership_events, fails here with its line.
    const Catalogue& cat = test::shipped();
    for (const auto& e : cat.memberships) {
      if (!is_membership_event(e.event)) continue;
      const std::string id = forum_for_event(cat, e.forum);
      if (id.empty()) continue;  // a standard, not a forum (EUSNS)
      const Forum* f = cat.find_forum(id);
      REQUIRE(f);
      size_t listing = 0;
      for (const auto& o : f->options)
        listing += static_cast<size_t>(std::count(o.membership_events.begin(), o.membership_events.end(), e.event));
      CHECK_MESSAGE(listing == 1, "memberships.csv:" << e.line << " " << id << " " << e.event << ": listed by " << listing
                                                     << " options");
    }
  }

  TEST_CASE("memberships: what the data says a country adheres to, with why") {
    const Catalogue& cat = test::shipped();
    auto principles = [&](const char* iso3) {
      std::vector<std::string> out;
      const CountryRecord* c = cat.data.find(iso3);
      REQUIRE(c);
      for (const auto& a : recorded_adherence(cat, *c, current_memberships(cat, iso3))) out.push_back(a.principle);
      return out;
    };
    CHECK(principles("EST") == std::vector<std::string>{"dn_charter", "eu_startup_nations_standard",
                                                        "oecd_ai_principles", "open_government_declaration"});
    // Argentina: not an OECD member, an adopter of 22 May 2019 (S174), and in GPAI and OGP.
    CHECK(principles("ARG") == std::vector<std::string>{"oecd_ai_principles", "open_government_declaration"});
    // The United States left OGP in 2026: no Open Government Declaration from the record.
    CHECK(principles("USA") == std::vector<std::string>{"oecd_ai_principles"});
    // Afghanistan announced in 2016 and is in the 2019 snapshot: a current OGP participant.
    CHECK(principles("AFG") == std::vector<std::string>{"open_government_declaration"});
  }

  TEST_CASE("init: the starter profile holds the recorded memberships and loads") {
    const Session& s = test::shipped_session();
    auto text = s.starter_profile("EST");
    REQUIRE(text.ok());
    CHECK(text.value->find("dn = { option = \"member\", since = 2014, founder = true }   # founding_member, memberships.csv:2 S20 S21 S23\n") !=
          std::string::npos);
    CHECK(text.value->find("oecd_eleaders = \"member\"   # listed as a member in forums/oecd_eleaders.toml\n") !=
          std::string::npos);
    CHECK(text.value->find("  \"dn_charter\",   # a current member of dn") != std::string::npos);
    Profile p = test::profile_text(*text.value);
    std::vector<std::string> got;
    for (const auto& m : p.memberships) got.push_back(m.forum + "=" + membership_option(m));
    CHECK(got == std::vector<std::string>{"cept=member", "dn=member", "foc=member", "gpai=member", "itu=member",
                                          "mr_digital=member", "oecd_eleaders=member", "ogp=member"});
    CHECK(p.country_facts.adheres.size() == 4);
  }

  TEST_CASE("batch: kept, changed, left and joined, each with the recommendation's line") {
    Recommendation rec = recommendation("EST");
    rec.portfolio = {choice("foc", "observer", 12), choice("ogp", "member", 38), choice("igf", "observer", 5)};
    rec.not_chosen.push_back({"dn", NotChosenStatus::kOutvalued, "the best portfolio with it is worth 1 less", {}, ""});
    rec.not_chosen.push_back({"gpai", NotChosenStatus::kOutvalued, "worth 2 less", {}, "Leave GPAI: frees 10 USD"});
    std::vector<Membership> current = {{"dn", "member", {}, {}}, {"foc", "member", {}, {}}, {"gpai", "member", 2020, {}},
                                       {"ogp", "member", {}, {}}};
    std::vector<RecordedMembership> recorded = {{"dn", "member", 2014, "founding_member", {}, {}}};
    auto rows = compare_with_current(rec, current, recorded);
    REQUIRE(rows.size() == 5);
    // The leave line where recommend gives one; the profile's start year before the record's.
    CHECK(rows[2].forum == "gpai");
    CHECK(rows[2].reason == "Leave GPAI: frees 10 USD");
    CHECK(rows[2].since == 2020);
    rows.erase(rows.begin() + 2);
    CHECK(rows[0].forum == "dn");
    CHECK(rows[0].status == BatchStatus::kLeft);
    CHECK(rows[0].since == 2014);
    CHECK(rows[0].reason == "outvalued: the best portfolio with it is worth 1 less");
    CHECK(rows[1].forum == "foc");
    CHECK(rows[1].status == BatchStatus::kChanged);
    CHECK(rows[1].current == "member");
    CHECK(rows[1].recommended == "observer");
    CHECK(rows[1].reason == "in the portfolio as Option observer (observer; value 12)");
    CHECK(rows[2].forum == "igf");
    CHECK(rows[2].status == BatchStatus::kJoined);
    CHECK(rows[2].current.empty());
    CHECK(rows[3].forum == "ogp");
    CHECK(rows[3].status == BatchStatus::kKept);

    Batch b;
    b.summary.countries = 3;
    add_country(b, rec, rows, true);
    // A second country whose solve stopped: a row per membership, counted as recorded but neither
    // kept nor left; a third with none still gets its row.
    Recommendation stopped = recommendation("CAN");
    stopped.status = AnswerStatus::kLimitReached;
    auto stopped_rows = compare_with_current(stopped, {{"ogp", "member", {}, {}}}, {});
    REQUIRE(stopped_rows.size() == 1);
    CHECK(stopped_rows[0].status == BatchStatus::kLimitReached);
    CHECK_FALSE(stopped_rows[0].reason.empty());
    add_country(b, stopped, stopped_rows, true);
    Recommendation none = recommendation("AFG");
    none.status = AnswerStatus::kLimitReached;
    auto none_rows = compare_with_current(none, {}, {});
    REQUIRE(none_rows.size() == 1);
    CHECK(none_rows[0].forum.empty());
    add_country(b, none, none_rows, false);
    b.skipped.push_back({"ABW", "Aruba", "no EGDI", 1});
    finish_batch(b);

    const BatchSummary& s = b.summary;
    CHECK(s.recommended == 3);
    CHECK(s.limit_reached == 2);
    CHECK(s.skipped == 1);
    CHECK(s.skipped_recorded == 1);
    CHECK(s.with_memberships == 2);
    CHECK(s.recorded == 4);
    CHECK(s.kept_forum == 2);
    CHECK(s.kept_option == 1);
    CHECK(s.left == 1);
    CHECK(s.joined == 1);
    CHECK(s.kept_forum_share() == Exact(1, 2));
    CHECK(s.kept_option_share() == Exact(1, 4));
    // Rows by country, then forum.
    REQUIRE(b.rows.size() == 6);
    CHECK(b.rows[0].iso3 == "AFG");
    CHECK(b.rows[1].iso3 == "CAN");
    CHECK(b.rows[2].forum == "dn");
    REQUIRE(b.forums.size() == 4);
    CHECK(b.forums[1].forum == "foc");
    CHECK(b.forums[1].by_option == std::vector<std::pair<std::string, size_t>>{{"observer", 1}});
    CHECK(b.forums[3].forum == "ogp");
    CHECK(b.forums[3].current == 2);
    CHECK(b.forums[3].kept == 1);

    const std::string json = render_batch_json(b);
    CHECK(json.rfind("{\"schema\": \"whichforum.batch/2\"", 0) == 0);
    CHECK(json.find("\"kept_same_forum\": {\"count\": 2, \"of\": 4, \"share\": \"0.5\", \"percent\": \"50.00\"}") !=
          std::string::npos);
    CHECK(render_batch_text(b).find("kept, same option: 1/4 = 25.00%") != std::string::npos);
    CHECK(render_batch_csv(b).find("EST,Country EST,foc,changed,member,observer,,in the portfolio as Option observer (observer; value 12)\r\n") !=
          std::string::npos);
    CHECK(render_batch_csv(b).find("EST,Country EST,dn,left,member,,2014,") != std::string::npos);
  }

  TEST_CASE("batch: every shipped country, counted, in order, the same on a rerun") {
    const Session& s = test::shipped_session();
    auto b = s.batch();
    REQUIRE(b.ok());
    const BatchSummary& sum = b.value->summary;
    CHECK(sum.countries == test::shipped().data.countries.size());
    CHECK(sum.recommended + sum.skipped == sum.countries);
    // Skipped only for what the model cannot use: no EGDI in the reference data.
    for (const auto& k : b.value->skipped) {
      CHECK_MESSAGE(test::shipped().data.latest_egdi(k.iso3) == nullptr, k.iso3);
    }
    // Every recorded membership of a recommended country is a row with a status and a reason.
    size_t recorded = 0, with = 0;
    for (const auto& [iso3, c] : test::shipped().data.countries) {
      if (test::shipped().data.latest_egdi(iso3) == nullptr) continue;
      size_t n = current_memberships(test::shipped(), iso3).size();
      recorded += n;
      with += n > 0;
    }
    CHECK(sum.recorded == recorded);
    CHECK(sum.with_memberships == with);
    CHECK(sum.kept_forum == sum.kept_option + sum.changed);
    size_t undecided = 0;  // memberships of countries whose solve gave no portfolio
    for (const auto& r : b.value->rows)
      if (!r.current.empty() && (r.status == BatchStatus::kLimitReached || r.status == BatchStatus::kInfeasible))
        ++undecided;
    CHECK(sum.kept_forum + sum.left + sum.other_remit + undecided == sum.recorded);
    for (size_t i = 1; i < b.value->rows.size(); ++i) {
      const auto& p = b.value->rows[i - 1];
      const auto& r = b.value->rows[i];
      CHECK(std::tie(p.iso3, p.forum) < std::tie(r.iso3, r.forum));
    }
    for (const auto& r : b.value->rows) {
      if (r.status == BatchStatus::kLeft) CHECK_MESSAGE(!r.reason.empty(), r.iso3 << " " << r.forum);
    }
    // The world view (issue 16 item 3).
    const World& w = b.value->world;
    CHECK(w.countries.size() == sum.recommended);
    size_t held = 0, kept_default = 0, kept_inferred = 0;
    std::set<std::pair<std::string, std::string>> members;  // (iso3, forum) held today
    for (const auto& r : b.value->rows) {
      if (!r.current.empty()) members.insert({r.iso3, r.forum});
    }
    for (size_t i = 0; i < w.countries.size(); ++i) {
      const WorldCountry& c = w.countries[i];
      if (i > 0) CHECK(w.countries[i - 1].iso3 < c.iso3);
      if (c.infer_status != AnswerStatus::kOptimal) continue;
      CHECK(c.kept_default <= c.held);
      CHECK(c.kept_inferred <= c.held);
      held += c.held, kept_default += c.kept_default, kept_inferred += c.kept_inferred;
      Exact sum_w = 0;
      for (const auto& x : c.inferred) sum_w += x;
      CHECK_MESSAGE(sum_w == 1, c.iso3);
      if (c.no_seat) CHECK(c.recommended == 0);
    }
    CHECK(w.held == held);
    CHECK(w.kept_default == kept_default);
    CHECK(w.kept_inferred == kept_inferred);
    // Red GEALC is Latin America's: reachable there, out of reach in Sub-Saharan Africa.
    bool ssa = false, lac = false;
    for (const auto& u : w.unreachable) {
      if (u.forum == "redgealc") ssa = ssa || u.region == "Sub-Saharan Africa", lac = lac || u.region == "Latin America & Caribbean";
    }
    CHECK(ssa);
    CHECK_FALSE(lac);
    for (const auto& inv : w.invites) {
      for (size_t k = 0; k < inv.top.size(); ++k) {
        CHECK_MESSAGE(!members.count({inv.top[k].iso3, inv.forum}), inv.forum << " " << inv.top[k].iso3);
        CHECK(inv.top[k].value > 0);
        if (k > 0) CHECK(inv.top[k - 1].value >= inv.top[k].value);
      }
      for (size_t k = 1; k < inv.bring.size(); ++k) CHECK(inv.bring[k - 1].egdi.value_or(-1) >= inv.bring[k].egdi.value_or(-1));
      // DN's track record (the UN 'High' EGDI group) holds for everyone it could invite.
      if (inv.forum == "dn") {
        for (const auto& c : inv.bring) CHECK(*c.egdi >= Exact(1, 2));
      }
    }
    // One country's inferred priorities are what `infer` gives for its init profile.
    auto starter = s.starter_profile("KEN");
    REQUIRE(starter.ok());
    auto doc = read_toml(*starter.value, "KEN.toml");
    REQUIRE(doc.ok());
    auto profile = s.profile_from(*doc.value);
    REQUIRE(profile.ok());
    auto inferred = s.infer(*profile.value);
    REQUIRE(inferred.ok());
    REQUIRE(inferred.value->inference);
    for (const auto& c : w.countries) {
      if (c.iso3 == "KEN") CHECK(c.inferred == inferred.value->inference->centre);
    }

    auto again = s.batch();
    REQUIRE(again.ok());
    CHECK(render_batch_csv(*again.value) == render_batch_csv(*b.value));
    CHECK(render_world_html(*again.value) == render_world_html(*b.value));
    CHECK(render_batch_json(*again.value) == render_batch_json(*b.value));
  }
}

}  // namespace whichforum
