// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Themes that matter: a profile's theme priorities, each criterion's theme relevance and
// language barrier, and every indicator with a user (issue 14, items 1 and 5).
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace whichforum {

using test::first_error;
using test::minimal_profile;
using test::profile_from;
using test::profile_text;

namespace {

std::map<std::string, Exact> priorities(const std::string& text) {
  auto p = profile_from(text);
  INFO(test::messages(p.diagnostics));
  REQUIRE(p.ok());
  return p.value->theme_priority;
}

std::string parse_error(const std::string& text) { return first_error(profile_from(text).diagnostics); }

const Assessment& assessment(const Recommendation& rec, const std::string& id) {
  for (const auto& a : rec.assessments) {
    if (a.forum.id == id) return a;
  }
  FAIL("no assessment for " << id);
  return rec.assessments.front();
}

const ObjectiveFit& fit_of(const Assessment& a, const std::string& objective) {
  for (const auto& f : a.score.fits) {
    if (f.criterion->id == objective) return f;
  }
  FAIL("no fit for " << objective);
  return a.score.fits.front();
}

std::vector<std::string> portfolio_ids(const Recommendation& rec) {
  std::vector<std::string> out;
  for (const auto& c : rec.portfolio) out.push_back(c.forum + ":" + c.option);
  return out;
}

// Uruguay's shipped profile with its `themes` line replaced (or removed when `themes` is empty).
std::string uruguay_with_themes(const std::string& themes, const std::string& objectives = "") {
  RealFileSystem fs;
  std::string text, err;
  REQUIRE(fs.read(std::string(WHICHFORUM_SOURCE_DIR) + "/profiles/uruguay.toml", &text, &err));
  const size_t at = text.find("\nthemes = ");
  REQUIRE(at != std::string::npos);
  const size_t end = text.find('\n', at + 1);
  text.replace(at + 1, end - at - 1, themes.empty() ? "" : "themes = " + themes);
  if (!objectives.empty()) {
    const size_t o = text.find("[objectives]");
    REQUIRE(o != std::string::npos);
    size_t next = text.find("\n[", o + 1);
    text.replace(o, next - o, "[objectives]\n" + objectives);
  }
  return text;
}

}  // namespace

TEST_SUITE("themes") {
  TEST_CASE("themes: a ranking with a tie gives the rank-order centroid, exactly") {
    // Extreme points (1,0,0,0), (1/3,1/3,1/3,0), (1/4,1/4,1/4,1/4); their mean.
    auto p = priorities("themes = [\"ai\", [\"data_governance\", \"digital_identity\"], \"open_government\"]\n" +
                        minimal_profile());
    CHECK(p.size() == 4);
    CHECK(p["ai"] == Exact(19, 36));
    CHECK(p["data_governance"] == Exact(7, 36));
    CHECK(p["digital_identity"] == Exact(7, 36));
    CHECK(p["open_government"] == Exact(1, 12));
  }
  TEST_CASE("themes: a plain list is one ranking - one tier is equal priorities") {
    auto ranked = priorities("themes = [\"ai\", \"open_government\"]\n" + minimal_profile());
    CHECK(ranked["ai"] == Exact(3, 4));
    CHECK(ranked["open_government"] == Exact(1, 4));
    auto tied = priorities("themes = [[\"ai\", \"open_government\", \"govtech\"]]\n" + minimal_profile());
    CHECK(tied["ai"] == Exact(1, 3));
    CHECK(tied["govtech"] == Exact(1, 3));
  }
  TEST_CASE("themes: a [themes] table holds weights, normalised to sum 1") {
    auto p = priorities(minimal_profile("peer_learning = 1\n", "[themes]\nai = \"3\"\nopen_government = \"1/2\"\ngovtech = 0\n"));
    CHECK(p["ai"] == Exact(6, 7));
    CHECK(p["open_government"] == Exact(1, 7));
    CHECK(p["govtech"] == 0);
  }
  TEST_CASE("themes: absent or [] means no stated priorities, and then themes change no value") {
    CHECK(priorities(minimal_profile()).empty());
    CHECK(priorities("themes = []\n" + minimal_profile()).empty());
    Profile p = profile_text(uruguay_with_themes(""));
    auto c = make_country(p, test::shipped().data);
    REQUIRE(c.ok());
    CHECK_FALSE(c.value->themes_given);
    CHECK(c.value->themes.empty());
    // Every forum's theme factor is then 1, on every criterion: OGP (one theme) as DN (several).
    for (const char* id : {"ogp", "dn", "paris_call"}) {
      for (const auto& crit : test::shipped().criteria) {
        const ThemeFit tf = theme_fit(*test::shipped().find_forum(id), crit, *c.value);
        CHECK(tf.factor == 1);
        CHECK(tf.relevance == 0);
      }
    }
  }
  TEST_CASE("themes: bad priorities are refused at their place") {
    CHECK(parse_error("themes = \"ai\"\n" + minimal_profile()) ==
          "p.toml:1:10: \"themes\" is a ranking (a list, most important first, ties in inner lists) or a table of "
          "weights, not a string");
    CHECK(parse_error("themes = [\"ai\", \"ai\"]\n" + minimal_profile()) ==
          "p.toml:1:17: \"ai\" appears twice in the ranking");
    CHECK(parse_error("themes = [\"ai\", 3]\n" + minimal_profile()) ==
          "p.toml:1:17: a ranking holds theme ids (strings) or lists of them, not an integer");
    CHECK(parse_error(minimal_profile("peer_learning = 1\n", "[themes]\nai = \"-1\"\n")) ==
          "p.toml:11:6: \"ai\" must be at least 0, not -1");
    CHECK(parse_error(minimal_profile("peer_learning = 1\n", "[themes]\nai = 0\n")) ==
          "p.toml:10:1: all weights in [themes] are 0; at least one must be positive");
  }
  TEST_CASE("themes: an unknown theme in a ranking tier or a weight table is suggested") {
    {
      auto p = profile_from("themes = [[\"ai\", \"open_governmnt\"]]\n" + minimal_profile());
      REQUIRE(p.ok());
      CHECK(first_error(validate_profile(*p.value, test::shipped())) ==
            "p.toml:1:18: unknown theme \"open_governmnt\"; did you mean \"open_government\"? (see: whichforum schema forum)");
    }
    auto p = profile_from(minimal_profile("peer_learning = 1\n", "[themes]\nai = 1\ncybersecurty = 2\n"));
    REQUIRE(p.ok());
    CHECK(first_error(validate_profile(*p.value, test::shipped())) ==
          "p.toml:12:1: unknown theme \"cybersecurty\"; did you mean \"cybersecurity\"? (see: whichforum schema forum)");
  }

  TEST_CASE("themes: theme fit and factor, exactly, with a per-theme relevance") {
    auto forum = test::forum_from(test::minimal_forum("f"));  // themes = ["ai"]
    REQUIRE(forum.ok());
    Criterion crit;
    crit.theme_relevance.value = Exact(1, 2);
    crit.theme_relevance.by_theme["ai"] = 1;
    CountryView c;
    c.themes = {{"ai", Exact(3, 4)}, {"cybersecurity", Exact(1, 4)}};
    c.themes_given = true;
    // r = 3/4 x 1 + 1/4 x 1/2 = 7/8; served = 3/4; theme fit = 6/7; factor = 1/8 + 7/8 x 6/7.
    ThemeFit tf = theme_fit(*forum.value, crit, c);
    CHECK(tf.relevance == Exact(7, 8));
    CHECK(tf.theme_fit == Exact(6, 7));
    CHECK(tf.factor == Exact(7, 8));
    // A forum on none of the country's themes keeps only 1 - r.
    c.themes = {{"cybersecurity", Exact(1, 2)}, {"govtech", Exact(1, 2)}};
    tf = theme_fit(*forum.value, crit, c);
    CHECK(tf.relevance == Exact(1, 2));
    CHECK(tf.theme_fit == 0);
    CHECK(tf.factor == Exact(1, 2));
    // Relevance 0: themes do not matter, theme fit 1 by convention.
    crit.theme_relevance = {};
    tf = theme_fit(*forum.value, crit, c);
    CHECK(tf.relevance == 0);
    CHECK(tf.theme_fit == 1);
    CHECK(tf.factor == 1);
  }
  TEST_CASE("themes: on the shipped catalogue, Uruguay's five equal themes give DN and OGP their exact factors") {
    Recommendation rec = test::run(test::shipped_profile("uruguay"));
    // DN works on 4 of Uruguay's 5 themes (not open_government); OGP on 3 (open_government,
    // and ai and data_governance in its digital-governance area, S416).
    const ObjectiveFit& dn_peer = fit_of(assessment(rec, "dn"), "peer_learning");  // r = 3/5
    CHECK(dn_peer.theme.theme_fit == Exact(4, 5));
    CHECK(dn_peer.theme.factor == Exact(22, 25));
    CHECK(dn_peer.fit == dn_peer.base_fit * Exact(22, 25));
    const ObjectiveFit& dn_norm = fit_of(assessment(rec, "dn"), "norm_setting");  // r = 9/10
    CHECK(dn_norm.theme.factor == Exact(41, 50));
    const ObjectiveFit& ogp_peer = fit_of(assessment(rec, "ogp"), "peer_learning");
    CHECK(ogp_peer.theme.theme_fit == Exact(3, 5));
    CHECK(ogp_peer.theme.factor == Exact(19, 25));  // (1 - 3/5) + 3/5 x 3/5
    // Without themes nothing is known of what the country cares for: the factor is 1.
    Recommendation absent = test::run(profile_text(uruguay_with_themes("")));
    const ObjectiveFit& dn_absent = fit_of(assessment(absent, "dn"), "peer_learning");
    CHECK(dn_absent.theme.theme_fit == 1);
    CHECK(dn_absent.theme.factor == 1);
    CHECK(dn_absent.fit == dn_absent.base_fit);
  }
  TEST_CASE("themes: changing Uruguay's themes changes the answer") {
    Recommendation own = test::run(test::shipped_profile("uruguay"));
    Recommendation design = test::run(profile_text(uruguay_with_themes("[\"service_design\"]")));
    auto own_ids = portfolio_ids(own);
    auto design_ids = portfolio_ids(design);
    // With its own five themes (three of them OGP's) Uruguay keeps OGP; with service design as
    // its one theme, OGP (not on service design) keeps 1 - r of each fit, no longer
    // beats the price of its 106 staff days, and goes.
    CHECK(std::find(own_ids.begin(), own_ids.end(), "ogp:member") != own_ids.end());
    CHECK(std::find(design_ids.begin(), design_ids.end(), "ogp:member") == design_ids.end());
    CHECK(fit_of(assessment(design, "ogp"), "peer_learning").theme.factor == Exact(2, 5));
    CHECK(own_ids != design_ids);
  }
  TEST_CASE("themes: with all weight on an objective whose relevance is 0, themes rightly change nothing") {
    Catalogue cat = test::shipped();
    for (auto& c : cat.criteria) {
      if (c.id == "professional_network") c.theme_relevance = {};
    }
    const std::string objectives = "professional_network = 1\n";
    auto run = [&](const std::string& themes) {
      Profile p = profile_text(uruguay_with_themes(themes, objectives));
      auto r = recommend(p, cat);
      INFO(test::messages(r.diagnostics));
      REQUIRE(r.ok());
      return std::move(*r.value);
    };
    Recommendation own = run("[[\"ai\", \"data_governance\", \"digital_identity\", \"service_design\", \"open_government\"]]");
    Recommendation open = run("[\"open_government\"]");
    Recommendation harms = run("{ online_harms = 1 }");
    CHECK(portfolio_ids(own) == portfolio_ids(open));
    CHECK(portfolio_ids(own) == portfolio_ids(harms));
    CHECK(own.total_value == open.total_value);
    CHECK(own.total_value == harms.total_value);
    // And the shipped relevance (1/5) does move the value: the test above is not vacuous.
    Recommendation shipped_open = test::run(profile_text(uruguay_with_themes("[\"open_government\"]", objectives)));
    Recommendation shipped_own = test::run(profile_text(uruguay_with_themes(
        "[[\"ai\", \"data_governance\", \"digital_identity\", \"service_design\", \"open_government\"]]", objectives)));
    CHECK(shipped_open.total_value != shipped_own.total_value);
  }

  TEST_CASE("languages: a forum in none of the country's languages keeps the criterion's barrier factor") {
    const std::string spanish = uruguay_with_themes(
        "[[\"ai\", \"data_governance\", \"digital_identity\", \"service_design\", \"open_government\"]]\n"
        "languages = [\"Spanish\"]");
    Recommendation es = test::run(profile_text(spanish));
    Recommendation en = test::run(test::shipped_profile("uruguay"));
    // DN works in English only: peer learning keeps 1/2, professional network 2/5, and
    // objectives without a barrier (norm-setting) keep all.
    const Assessment& dn_es = assessment(es, "dn");
    const Assessment& dn_en = assessment(en, "dn");
    CHECK_FALSE(fit_of(dn_es, "peer_learning").language.shared);
    CHECK(fit_of(dn_es, "peer_learning").fit * 2 == fit_of(dn_en, "peer_learning").fit);
    CHECK(fit_of(dn_es, "professional_network").fit * Exact(5, 2) == fit_of(dn_en, "professional_network").fit);
    CHECK(fit_of(dn_es, "norm_setting").fit == fit_of(dn_en, "norm_setting").fit);
    // RedGEALC works in Spanish: no barrier.
    CHECK(fit_of(assessment(es, "redgealc"), "peer_learning").language.shared);
    CHECK(fit_of(assessment(es, "redgealc"), "peer_learning").fit == fit_of(assessment(en, "redgealc"), "peer_learning").fit);
    // A likely typo is warned about at its place; a language no forum uses is not.
    auto typo = profile_from("languages = [\"Swahili\", \"Englsh\"]\n" + minimal_profile());
    REQUIRE(typo.ok());
    Diagnostics d = validate_profile(*typo.value, test::shipped());
    CHECK(d.ok());
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == Severity::kWarning);
    CHECK(test::messages(d).find("p.toml:1:25: no forum in the catalogue works in \"Englsh\"; did you mean \"English\"?") !=
          std::string::npos);
    CHECK(parse_error("languages = []\n" + minimal_profile()) ==
          "p.toml:1:13: \"languages\" needs at least one language; leave it out for the default, English");
  }

  TEST_CASE("brief: the briefing states the theme priorities, the languages and their basis") {
    Profile p = test::shipped_profile("uruguay");
    Briefing b = make_briefing(test::run(p), p, test::shipped());
    auto row = [&](const std::string& key) {
      for (const auto& a : b.assumptions) {
        if (a.key == key) return a;
      }
      FAIL("no assumption row " << key);
      return b.assumptions.front();
    };
    CHECK(row("themes").value == "ai 0.2, data_governance 0.2, digital_identity 0.2, open_government 0.2, service_design 0.2");
    CHECK(row("themes").overridden);
    CHECK(row("languages").value == "English");
    CHECK_FALSE(row("languages").overridden);
    CHECK(row("languages").reason.starts_with("estimate: "));
    CHECK(row("theme_relevance").value ==
          "branding 0.2, code_sharing 0.5, early_warning 0.5, norm_setting 0.9, peer_learning 0.6, professional_network 0.2, "
          "stewardship 0.5");
    Profile none = profile_text(uruguay_with_themes("", "peer_learning = 1\n"));
    Briefing bn = make_briefing(test::run(none), none, test::shipped());
    bool found = false;
    for (const auto& a : bn.assumptions) {
      if (a.key == "themes") found = a.value == "none stated" && !a.overridden;
      if (a.key == "theme_relevance") CHECK(a.value == "peer_learning 0.6");  // the others weigh 0 here
    }
    CHECK(found);
  }

  TEST_CASE("indicators: every indicator has a user, and every forum judgement feeds the model") {
    const Catalogue& cat = test::shipped();
    for (const auto& ind : indicators()) {
      CAPTURE(ind.name);
      bool used = false;
      for (const auto& c : cat.criteria) {
        for (const auto& fn : c.functions) used = used || fn.indicator == ind.name;
      }
      CHECK_MESSAGE(used, "indicator ", ind.name, " is read by no criterion: give it a user or remove it");
    }
    // A judgement (a 0..1 estimate on a forum) is used when an indicator reads it; peer_maturity
    // is forum.peer_egdi's stand-in for a forum without a member list.
    for (const auto& spec : forum_schema().keys) {
      if (!spec.fact || !spec.description.starts_with("0..1:")) continue;
      CAPTURE(spec.key);
      const std::string name = "forum." + std::string(spec.key);
      CHECK((find_indicator(name) != nullptr || spec.key == "peer_maturity"));
    }
    // What schema criterion prints is that list and nothing else.
    const std::string schema = render_schema("criterion");
    CHECK(schema.find("pair.theme_fit") == std::string::npos);
    CHECK(schema.find("country.egdi") == std::string::npos);
    CHECK(schema.find("forum.civil_society_reach") != std::string::npos);
  }
  TEST_CASE("criteria: theme_relevance is required, in 0..1, and by_theme names known themes") {
    auto strip = [](std::string text) {
      const size_t at = text.find("theme_relevance = ");
      text.erase(at, text.find('\n', at) - at + 1);
      return text;
    };
    auto missing = test::criterion_from(strip(test::minimal_criterion("c")));
    CHECK(first_error(missing.diagnostics).find("missing required key \"theme_relevance\" in criterion") != std::string::npos);
    auto with = [](const std::string& line) {
      std::string text = test::minimal_criterion("c");
      const size_t at = text.find("theme_relevance = ");
      text.replace(at, text.find('\n', at) - at, line);
      return test::criterion_from(text);
    };
    auto high = with("theme_relevance = { value = 2, estimate = true, reason = \"r\" }");
    CHECK(first_error(high.diagnostics) == "t.toml:7:29: \"value\" must be at most 1, not 2");
    auto typo = with("theme_relevance = { value = 0, by_theme = { a1 = 1 }, estimate = true, reason = \"r\" }");
    CHECK(first_error(typo.diagnostics) ==
          "t.toml:7:45: unknown theme \"a1\" in theme_relevance.by_theme; did you mean \"ai\"? (see: whichforum schema forum)");
    auto noreason = with("theme_relevance = { value = 0, estimate = true }");
    CHECK(first_error(noreason.diagnostics) == "t.toml:7:19: \"theme_relevance\" is an estimate without a reason; add reason = \"...\"");
    auto good = with("theme_relevance = { value = \"1/2\", by_theme = { ai = 1 }, estimate = true, reason = \"r\" }");
    REQUIRE(good.ok());
    CHECK(good.value->theme_relevance.at("ai") == 1);
    CHECK(good.value->theme_relevance.at("govtech") == Exact(1, 2));
    CHECK_FALSE(good.value->language_barrier.has_value());
  }
}

}  // namespace whichforum
