// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Profile: a country's objectives, capacity, memberships, constraints and overrides.
#pragma once

#include "engine/ahp.h"
#include "engine/diagnostic.h"
#include "engine/enum_names.h"
#include "engine/exact.h"
#include "engine/schema.h"
#include "engine/tree.h"
#include "engine/weight_set.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace whichforum {

/// An id written in a profile, with where it stands (for cross-file messages).
struct IdRef {
  std::string id;
  SourcePos pos;
};

struct Weight {
  std::string objective;
  Exact weight;
  SourcePos pos;
};

/// "peer_learning = \"0.3..0.5\"": bounds on a normalised weight.
struct Interval {
  std::string objective;
  Exact lo;
  Exact hi;
  SourcePos pos;
};

/// An AHP judgement: `more` is `ratio` times as important as `less` (Saaty's 1-9 scale).
struct Judgement {
  IdRef more;
  IdRef less;
  Exact ratio;
  SourcePos pos;
};

/// The AHP judgements' result: weights of `objectives` (sorted), lambda-max and consistency.
struct AhpSummary {
  std::vector<std::string> objectives;
  AhpResult result;
  SourcePos pos;
};

/// A current membership: the forum, the option held (one of the forum's [[option]] ids), and
/// the year it began when known (tenure raises its value: engine/README.md, status quo).
struct Membership {
  std::string forum;
  std::string option;
  std::optional<int> since;
  SourcePos pos;
  bool founder = false;  ///< the country founded the forum: leaving it costs a founder's share
};

/// A profile's replacement for one numeric forum fact (usually an estimate), or with `option`
/// set ([overrides.<forum>.<option>]) for one number of that engagement option's schedule.
struct Override {
  std::string forum;
  SourcePos forum_pos;
  std::string option;  ///< "" for a forum fact
  SourcePos option_pos;
  std::string key;
  Exact value;
  SourcePos pos;
};

/// What the country can spend in a year. Money is in `currency`; `usd_rate` converts it
/// (USD per unit; 1 for USD), since sourced costs such as per-diem ceilings are in USD.
struct Capacity {
  Exact money;
  std::string currency = "USD";
  Exact usd_rate = 1;
  Exact staff_days;
  Exact ministerial_days;
};

/// An abstract resource a profile defines ([resources]) instead of money and days.
struct ResourceBudget {
  std::string name;
  Exact budget;
  SourcePos pos;
};

struct Constraints {
  std::vector<IdRef> must;
  std::vector<IdRef> exclude;
  std::optional<int> max_forums;
  std::vector<std::pair<IdRef, IdRef>> requires_pairs;  ///< choosing the first needs the second
  std::vector<std::vector<IdRef>> at_most_one_of;
  std::optional<int> max_changes;  ///< most forums whose option differs from today's (joined, changed, left)
  bool keep_current = false;       ///< leave no current membership (a changed option is allowed)
  int max_roles = 1;               ///< most chair or host roles taken at once
};

/// What a recommendation counts changes from (key "baseline").
enum class Baseline { kCurrent, kNone };
inline constexpr std::array<EnumName<Baseline>, 2> kBaselineNames{{
    {Baseline::kCurrent, "current"},
    {Baseline::kNone, "none"},
}};
constexpr std::span<const EnumName<Baseline>> enum_table(Baseline) { return kBaselineNames; }

/// Which files the profile speaks for (key [remit]): a forum whose remit it does not cover is
/// another ministry's decision, listed as one to coordinate on, never joined or left here.
struct Remit {
  /// The default is an estimate (engine/README.md, remit): what a digital-government unit
  /// usually carries.
  std::vector<std::string> covers = {"digital_government", "open_government", "digital_policy", "ai"};
  SourcePos covers_pos;
  std::map<std::string, std::string> coordinate_with;  ///< remit -> who holds it ("Ministry of Foreign Affairs")
};

/// Facts about the country that replace the reference data's (data/).
struct CountryFacts {
  std::optional<Exact> egdi;
  std::optional<int> egdi_rank;
  std::optional<std::string> wb_region;
  std::optional<std::string> income_group;
  std::optional<bool> oecd_member;
  std::vector<std::string> adheres;  ///< principle sets the country adheres to
};

/// A country profile as loaded. Invariants (checked at load): weights are >= 0 and not all 0;
/// capacities >= 0; no id is both required and excluded. References to forums and objectives
/// are checked against a catalogue by validate_profile().
struct Profile {
  std::shared_ptr<const SourceText> source;
  std::string country;
  SourcePos country_pos;
  std::string name;
  std::string scenario;  ///< a scenario's label (key "scenario"), or "" for a plain profile
  std::vector<Weight> weights;  ///< numbers in [objectives]
  std::vector<Interval> intervals;
  std::vector<std::vector<IdRef>> ranking;  ///< tiers, most important first; a tier's objectives tie
  SourcePos ranking_pos;
  std::vector<Judgement> judgements;
  std::optional<AhpSummary> ahp;
  /// The admissible weight set the statements define (built at load; never null after a
  /// successful parse). The recommendation uses its central weights.
  std::shared_ptr<const WeightSet> weight_set;
  Capacity capacity;
  std::vector<ResourceBudget> resources;  ///< when given, they replace capacity's three
  std::vector<Membership> memberships;
  /// current: today's memberships are the baseline, and leaving, joining and tenure count in the
  /// objective; none: the fresh-start view, as if the country held nothing (for comparison).
  Baseline baseline = Baseline::kCurrent;
  std::optional<int> plan_year;  ///< the year planned for (key "plan_year"); default: the data's year + 1
  std::map<std::string, int> turns;  ///< forum id -> the year of the country's turn to chair or host
  std::map<std::string, SourcePos> turn_pos;
  Constraints constraints;
  CountryFacts country_facts;
  Remit remit;
  std::vector<IdRef> themes;  ///< the theme ids `themes` names, in file order
  /// theme id -> priority, summing to 1 (read_themes); empty: every theme counts the same.
  std::map<std::string, Exact> theme_priority;
  /// The languages the country's delegates work in (key "languages"); the default, English
  /// only, is an estimate: the working language of every forum in the catalogue.
  std::vector<std::string> languages = {"English"};
  bool languages_given = false;
  std::vector<SourcePos> language_pos;  ///< where each of `languages` stands, when given
  std::vector<IdRef> invitations;  ///< forums that have invited the country (meets invitation-type rules)
  std::vector<Override> overrides;
  std::map<std::string, Exact> assumptions;  ///< replacements for data/assumptions.toml values
  std::map<std::string, SourcePos> assumption_pos;
};

/// A profile while it is read: a scenario overlay reads into a copy of its base, with its keys
/// not required and the country fixed.
struct ProfileDraft : Profile {
  bool overlay = false;
};

[[nodiscard]] const Schema& profile_schema();
[[nodiscard]] const Schema& capacity_schema();
[[nodiscard]] const Schema& constraints_schema();
[[nodiscard]] const Schema& country_facts_schema();
[[nodiscard]] const Schema& remit_schema();
/// The rows of those tables: each key with the field it fills.
[[nodiscard]] const Fields<ProfileDraft>& profile_fields();
[[nodiscard]] const Fields<Capacity>& capacity_fields();
[[nodiscard]] const Fields<Constraints>& constraints_fields();
[[nodiscard]] const Fields<CountryFacts>& country_facts_fields();
[[nodiscard]] const Fields<Remit>& remit_fields();
[[nodiscard]] const Schema& membership_schema();
[[nodiscard]] const Fields<Membership>& membership_fields();

// The readers the rows of schema_profile.cpp call, for keys that are tables of their own or
// lists of ids whose positions messages quote. Each returns false when it reported an error.
namespace profile_read {
bool country(SchemaReader& reader, const Node& node, const KeySpec& spec, ProfileDraft& p);
bool ids(SchemaReader& reader, const Node& node, const KeySpec& spec, std::vector<IdRef>* out);
bool id_groups(SchemaReader& reader, const Node& node, const KeySpec& spec, std::vector<std::vector<IdRef>>* out);
bool requires_pairs(SchemaReader& reader, const Node& node, const KeySpec& spec, Constraints& c);
bool objectives(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool themes(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool capacity(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool memberships(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool turns(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool constraints(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool country_facts(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool remit(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool overrides(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool assumptions(SchemaReader& reader, const Node& node, ProfileDraft& p);
bool resources(SchemaReader& reader, const Node& node, ProfileDraft& p);
}  // namespace profile_read

/// Builds a Profile from a parsed document, checking every key it can check alone.
[[nodiscard]] Result<Profile> parse_profile(const Document& doc);

/// Applies a scenario overlay (a TOML file with any profile keys, all optional) to `base`:
/// the tables it gives replace the base's, or the keys it gives within them; overrides add. The
/// result's messages point into the overlay; its label is the overlay's `scenario` key, else
/// the file name.
[[nodiscard]] Result<Profile> apply_overlay(const Profile& base, const Document& overlay);

}  // namespace whichforum
