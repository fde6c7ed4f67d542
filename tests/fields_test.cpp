// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Schema rows bound to fields, the enums of closed sets and their name tables, and
// Assumptions::get refusing keys it does not know.
#include "engine/assumptions.h"
#include "engine/criterion.h"
#include "engine/eligibility.h"
#include "engine/forum.h"
#include "engine/profile.h"
#include "engine/recommend.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <set>
#include <stdexcept>

namespace whichforum {

using test::first_error;
using test::forum_from;
using test::minimal_forum;
using test::profile_from;

namespace {

// Every declared key of `fields` has a binding, no key is declared twice, and only a format
// version ("schema") is checked without being kept.
template <class T>
void check_bound(const Fields<T>& fields) {
  const Schema& s = fields.schema();
  CAPTURE(s.name);
  std::set<std::string_view> seen;
  for (const auto& k : s.keys) {
    CAPTURE(k.key);
    CHECK(seen.insert(k.key).second);
    const Binding<T>* b = fields.binding(k.key);
    REQUIRE(b != nullptr);
    CHECK(b->bound());
    CHECK(b->is_check_only() == (k.key == "schema"));
  }
  CHECK(fields.binding("no_such_key") == nullptr);
}

template <class E>
void check_names(std::string_view what) {
  CAPTURE(what);
  std::set<std::string_view> words;
  for (auto word : enum_names<E>()) {
    CAPTURE(word);
    CHECK(!word.empty());
    CHECK(words.insert(word).second);
    auto e = enum_from_name<E>(word);
    REQUIRE(e.has_value());
    CHECK(enum_name(*e) == word);
  }
  CHECK_FALSE(enum_from_name<E>("no_such_value").has_value());
}

// Small structs for the reader's own tests (at namespace scope: GCC 12 fails on default
// member initialisers of Field<T> for a T local to a function).
struct OneInt {
  int n = 0;
};
struct ThreeKinds {
  int n = 0;
  std::string s = "kept";
  std::optional<Exact> x;
};

// Built outside the test macros: GCC 12 fails on Field<T>'s default member initialisers inside
// doctest's try blocks.
Fields<OneInt> unbound_row() { return Fields<OneInt>("t", {{.key = "n", .type = ValueType::kInteger}}); }
Fields<OneInt> twice_declared() {
  return Fields<OneInt>("t", {{.key = "n", .type = ValueType::kInteger, .bind = &OneInt::n},
                              {.key = "n", .type = ValueType::kInteger, .bind = &OneInt::n}});
}
Fields<OneInt> one_row() { return Fields<OneInt>("t", {{.key = "n", .type = ValueType::kInteger, .bind = &OneInt::n}}); }

Result<Assumptions> all_ones() {
  std::string text = "schema = \"whichforum.assumptions/1\"\n";
  for (const auto& k : assumptions_schema().keys) {
    if (k.fact) text += std::string(k.key) + " = { value = 1, estimate = true, reason = \"test\" }\n";
  }
  auto doc = read_toml(text, "a.toml");
  REQUIRE(doc.ok());
  return parse_assumptions(*doc.value);
}

}  // namespace

TEST_SUITE("fields") {
  TEST_CASE("fields: every declared key of every file kind is bound to where it goes") {
    check_bound(profile_fields());
    check_bound(capacity_fields());
    check_bound(constraints_fields());
    check_bound(country_facts_fields());
    check_bound(forum_fields());
    check_bound(provenance_fields());
    check_bound(entry_rule_fields());
    check_bound(given_fields());
    check_bound(criterion_fields());
    check_bound(level_factor_fields());
    check_bound(value_function_fields());
    check_bound(assumptions_fields());
  }
  TEST_CASE("fields: the schema functions are the rows' schemas, so `whichforum schema` prints the rows") {
    CHECK(&profile_schema() == &profile_fields().schema());
    CHECK(&forum_schema() == &forum_fields().schema());
    CHECK(&entry_rule_schema() == &entry_rule_fields().schema());
    CHECK(&criterion_schema() == &criterion_fields().schema());
    CHECK(&assumptions_schema() == &assumptions_fields().schema());
  }
  TEST_CASE("fields: a row without a binding, or a key declared twice, is refused when declared") {
    CHECK_THROWS_AS(unbound_row(), std::logic_error);
    CHECK_THROWS_AS(twice_declared(), std::logic_error);
    CHECK(one_row().schema().keys.size() == 1);
  }
  TEST_CASE("fields: the generic reader fills each bound field, and only the keys present") {
    using T = ThreeKinds;
    Fields<T> fields("[t]", {{.key = "n", .type = ValueType::kInteger, .min = "0", .max = "9", .bind = &T::n},
                             {.key = "s", .type = ValueType::kString, .bind = &T::s},
                             {.key = "x", .type = ValueType::kExact, .bind = &T::x}});
    auto doc = read_toml("n = 7\nx = \"2/3\"\n", "t.toml");
    REQUIRE(doc.ok());
    Diagnostics diags;
    SchemaReader reader(*doc.value, &diags);
    T t;
    CHECK(fields.read(reader, doc.value->root, t));
    CHECK(t.n == 7);
    CHECK(t.s == "kept");
    REQUIRE(t.x.has_value());
    CHECK(*t.x == Exact(2) / 3);
    // A value out of range is reported and leaves the field as it was.
    auto bad = read_toml("n = 12\n", "t.toml");
    REQUIRE(bad.ok());
    SchemaReader bad_reader(*bad.value, &diags);
    T u;
    CHECK_FALSE(fields.read(bad_reader, bad.value->root, u));
    CHECK(u.n == 0);
    CHECK(first_error(diags) == "t.toml:1:5: \"n\" must be at most 9, not 12");
  }
  TEST_CASE("fields: every key of [capacity] and [country_facts] lands in its field") {
    auto p = profile_from(
        "country = \"URY\"\nname = \"Uruguay\"\n[objectives]\npeer_learning = 1\n"
        "[capacity]\nmoney = 100\ncurrency = \"UYU\"\nusd_rate = \"1/40\"\nstaff_days = 30\nministerial_days = 4\n"
        "[country_facts]\negdi = \"0.8\"\negdi_rank = 25\nwb_region = \"Europe & Central Asia\"\n"
        "income_group = \"Low income\"\noecd_member = true\nadheres = [\"dn_charter\"]\n"
        "[constraints]\nmust = [\"dn\"]\nexclude = [\"ogp\"]\nmax_forums = 3\nrequires = [[\"dn\", \"foc\"]]\n"
        "at_most_one_of = [[\"a\", \"b\", \"c\"]]\n");
    REQUIRE(p.ok());
    const Profile& v = *p.value;
    CHECK(v.capacity.money == 100);
    CHECK(v.capacity.currency == "UYU");
    CHECK(v.capacity.usd_rate == Exact(1) / 40);
    CHECK(v.capacity.staff_days == 30);
    CHECK(v.capacity.ministerial_days == 4);
    CHECK(*v.country_facts.egdi == Exact(4) / 5);
    CHECK(*v.country_facts.egdi_rank == 25);
    CHECK(*v.country_facts.wb_region == "Europe & Central Asia");
    CHECK(*v.country_facts.income_group == "Low income");
    CHECK(*v.country_facts.oecd_member);
    CHECK(v.country_facts.adheres == std::vector<std::string>{"dn_charter"});
    REQUIRE(v.constraints.must.size() == 1);
    CHECK(v.constraints.must[0].id == "dn");
    CHECK(v.constraints.must[0].pos.line == 19);
    CHECK(v.constraints.exclude[0].id == "ogp");
    CHECK(*v.constraints.max_forums == 3);
    REQUIRE(v.constraints.requires_pairs.size() == 1);
    CHECK(v.constraints.requires_pairs[0].second.id == "foc");
    REQUIRE(v.constraints.at_most_one_of.size() == 1);
    CHECK(v.constraints.at_most_one_of[0].size() == 3);
  }
  TEST_CASE("fields: every key of an entry rule lands in its field, the kind as an enum") {
    auto f = forum_from(minimal_forum(
        "dn",
        "[[entry_rule]]\nrule = \"region\"\ncount = 2\nmin_egdi = \"0.5\"\nprinciples = \"dn_charter\"\n"
        "on_joining = true\nregions = [\"South Asia\"]\ncountries = [\"URY\"]\ngroups = [\"High income\"]\n"
        "text = \"t\"\nsource = \"data:S20\"\nas_of = \"2024\"\nnote = \"n\"\n"));
    REQUIRE(f.ok());
    REQUIRE(f.value->entry_rules.size() == 1);
    const EntryRule& r = f.value->entry_rules[0];
    CHECK(r.rule == EntryRuleKind::kRegion);
    CHECK(r.count == 2);
    CHECK(*r.min_egdi == Exact(1) / 2);
    CHECK(r.principles == "dn_charter");
    CHECK(r.on_joining);
    CHECK(r.regions == std::vector<std::string>{"South Asia"});
    CHECK(r.countries == std::vector<std::string>{"URY"});
    CHECK(r.groups == std::vector<std::string>{"High income"});
    CHECK(r.text == "t");
    CHECK(r.prov.source == "data:S20");
    CHECK(r.prov.as_of == "2024");
    CHECK(r.prov.note == "n");
  }
  TEST_CASE("fields: the kind of forum is an enum") {
    auto f = forum_from(minimal_forum("dn"));
    REQUIRE(f.ok());
    CHECK(f.value->kind != ForumKind::kGeneric);
    CHECK(enum_name(f.value->kind) == "minilateral_network");
  }
}

TEST_SUITE("enums") {
  TEST_CASE("enums: each name table is complete, unique and round-trips") {
    check_names<EntryRuleKind>("entry rule");
    check_names<ForumKind>("forum kind");
    check_names<VenueMode>("venue mode");
    check_names<Secretariat>("secretariat");
    check_names<NotChosenStatus>("not-chosen status");
    check_names<RobustnessLabel>("robustness label");
    check_names<WeightsBasis>("weights basis");
    // Every enumerator has its row (a new one without a name would print as "").
    for (auto e : {NotChosenStatus::kNotEligible, NotChosenStatus::kReachable, NotChosenStatus::kOverBudget,
                   NotChosenStatus::kOutvalued, NotChosenStatus::kExcluded}) {
      CHECK(!enum_name(e).empty());
    }
    for (auto e : {RobustnessLabel::kCore, RobustnessLabel::kBorderline, RobustnessLabel::kExterior}) {
      CHECK(!enum_name(e).empty());
    }
    for (auto e : {WeightsBasis::kGiven, WeightsBasis::kRankOrderCentroid, WeightsBasis::kAhpEigenvector,
                   WeightsBasis::kOnlyPoint, WeightsBasis::kCentre}) {
      CHECK(!enum_name(e).empty());
    }
    CHECK(enum_names<EntryRuleKind>().size() == 10);
    CHECK(enum_name(EntryRuleKind::kValuesCheck) == "values_check");
  }
  TEST_CASE("enums: the schema's allowed values are the enum's name table") {
    auto names = [](std::vector<std::string_view> v) { return v; };
    CHECK(entry_rule_schema().find("rule")->allowed == names(enum_names<EntryRuleKind>()));
    CHECK(forum_schema().find("kind")->allowed == names(enum_names<ForumKind>()));
    CHECK(forum_schema().find("venue_mode")->allowed == names(enum_names<VenueMode>()));
    CHECK(forum_schema().find("secretariat")->allowed == names(enum_names<Secretariat>()));
  }
  TEST_CASE("enums: every secretariat has its performance score among the assumptions") {
    auto a = all_ones();
    REQUIRE(a.ok());
    for (auto word : enum_names<Secretariat>()) {
      CAPTURE(word);
      CHECK_NOTHROW((void)a.value->get("secretariat_" + std::string(word)));
    }
  }
  TEST_CASE("enums: a forum's venue mode and secretariat read as enums") {
    auto f = forum_from(minimal_forum("dn", "secretariat = { value = \"volunteer\", estimate = true, reason = \"r\" }\n"));
    REQUIRE(f.ok());
    CHECK(f.value->secretariat() == Secretariat::kVolunteer);
    CHECK(f.value->venue_mode().has_value());
  }
}

TEST_SUITE("assumptions") {
  TEST_CASE("assumptions: get on a key that is not declared is an error, not 0") {
    auto a = all_ones();
    REQUIRE(a.ok());
    CHECK(a.value->get("performance_floor") == 1);
    // A typo in code: before, this read as 0 and priced a fare at nothing.
    CHECK_THROWS_AS((void)a.value->get("fare_same_contry_usd"), std::logic_error);
    CHECK_THROWS_WITH((void)a.value->get("secretariat_"), "\"secretariat_\" is not a declared assumption");
    Assumptions empty;
    CHECK_THROWS_WITH((void)empty.get("performance_floor"), "assumption \"performance_floor\" was not loaded");
  }
  TEST_CASE("assumptions: a profile's [assumptions] typo is reported, with a suggestion") {
    auto p = profile_from(
        "country = \"URY\"\nname = \"Uruguay\"\n[objectives]\npeer_learning = 1\n"
        "[capacity]\nmoney = 100\nstaff_days = 30\nministerial_days = 4\n[assumptions]\nperformance_flor = \"0.5\"\n");
    CHECK(first_error(p.diagnostics) ==
          "p.toml:10:1: unknown assumption \"performance_flor\"; did you mean \"performance_floor\"? (see: whichforum schema assumptions)");
  }
}

}  // namespace whichforum
