// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Forum: one forum's profile as loaded from forums/<id>.toml, every attribute with provenance.
#pragma once

#include "engine/diagnostic.h"
#include "engine/enum_names.h"
#include "engine/exact.h"
#include "engine/schema.h"
#include "engine/tree.h"

#include <map>
#include <array>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace whichforum {

/// How sure an estimate is, when it states no range: each maps to a default band
/// (engine/estimates.h, `default_band`).
enum class Confidence { kLow, kMedium, kHigh };
inline constexpr std::array<EnumName<Confidence>, 3> kConfidenceNames{{
    {Confidence::kLow, "low"},
    {Confidence::kMedium, "medium"},
    {Confidence::kHigh, "high"},
}};
constexpr std::span<const EnumName<Confidence>> enum_table(Confidence) { return kConfidenceNames; }

/// Where a fact comes from. Invariant (checked at load): either `estimate` with a `reason`, or
/// a `source` and an `as_of`; a seed `source` has a `quote`.
struct Provenance {
  std::string source;  ///< a seed file name, or "data:S20,S22" (ids in data/SOURCES.md)
  std::string quote;   ///< words of the seed that support the value
  std::string as_of;   ///< YYYY, YYYY-MM or YYYY-MM-DD
  std::string note;
  std::string reason;  ///< why an estimate has its value
  bool estimate = false;
  /// The range a numeric value may lie in (`range = "0.3..0.6"`): stated by an estimate, or by
  /// a source that gives one; checked at load to contain the value (issue 17).
  std::optional<std::pair<Exact, Exact>> range;
  std::optional<Confidence> confidence;  ///< an estimate's `confidence`, when it states no range
  SourcePos pos;  ///< the table the provenance was read from
};

/// One attribute: its checked value, where it comes from and where it stands in the file.
struct Fact {
  Value value;
  Provenance prov;
  SourcePos pos;
};

/// The kinds of entry rule. The eligibility check branches on them; the names are what a
/// forum file writes after `rule =` (and what `whichforum schema forum` lists).
enum class EntryRuleKind {
  kOpen,          ///< anyone may join
  kInvitation,    ///< members invite
  kSponsors,      ///< `count` members must propose the country
  kTrackRecord,   ///< an EGDI of at least `min_egdi`
  kOecdMember,    ///< OECD members only
  kAdheres,       ///< adherence to `principles`
  kRegion,        ///< `regions` or `countries`
  kIncome,        ///< World Bank income `groups`
  kApplication,   ///< a written application
  kValuesCheck,   ///< a review of the country's record against the forum's values
};
inline constexpr std::array<EnumName<EntryRuleKind>, 10> kEntryRuleKindNames{{
    {EntryRuleKind::kOpen, "open"},
    {EntryRuleKind::kInvitation, "invitation"},
    {EntryRuleKind::kSponsors, "sponsors"},
    {EntryRuleKind::kTrackRecord, "track_record"},
    {EntryRuleKind::kOecdMember, "oecd_member"},
    {EntryRuleKind::kAdheres, "adheres"},
    {EntryRuleKind::kRegion, "region"},
    {EntryRuleKind::kIncome, "income"},
    {EntryRuleKind::kApplication, "application"},
    {EntryRuleKind::kValuesCheck, "values_check"},
}};
constexpr std::span<const EnumName<EntryRuleKind>> enum_table(EntryRuleKind) { return kEntryRuleKindNames; }

/// What sort of forum a file describes. Only `generic` changes how it is read and scored (it is
/// posed by [given] scores and costs); the others are kept as a closed set so that a typo is
/// an error, not a new kind.
enum class ForumKind {
  kMinilateralNetwork,
  kMultilateralBody,
  kConvening,
  kMultiStakeholder,
  kRegionalNetwork,
  kGeneric,
};
inline constexpr std::array<EnumName<ForumKind>, 6> kForumKindNames{{
    {ForumKind::kMinilateralNetwork, "minilateral_network"},
    {ForumKind::kMultilateralBody, "multilateral_body"},
    {ForumKind::kConvening, "convening"},
    {ForumKind::kMultiStakeholder, "multi_stakeholder"},
    {ForumKind::kRegionalNetwork, "regional_network"},
    {ForumKind::kGeneric, "generic"},
}};
constexpr std::span<const EnumName<ForumKind>> enum_table(ForumKind) { return kForumKindNames; }

/// Where a forum meets (fact venue_mode). Costs branch on it: a virtual forum has no trips.
enum class VenueMode { kFixed, kRotating, kVirtual, kMixed };
inline constexpr std::array<EnumName<VenueMode>, 4> kVenueModeNames{{
    {VenueMode::kFixed, "fixed"},
    {VenueMode::kRotating, "rotating"},
    {VenueMode::kVirtual, "virtual"},
    {VenueMode::kMixed, "mixed"},
}};
constexpr std::span<const EnumName<VenueMode>> enum_table(VenueMode) { return kVenueModeNames; }

/// Who runs a forum day to day (fact secretariat). Each name has a performance score in
/// data/assumptions.toml, "secretariat_<name>" (a test holds the two together).
enum class Secretariat { kFunded, kMemberFunded, kRotating, kVolunteer, kCommercial, kInternationalOrg };
inline constexpr std::array<EnumName<Secretariat>, 6> kSecretariatNames{{
    {Secretariat::kFunded, "funded"},
    {Secretariat::kMemberFunded, "member_funded"},
    {Secretariat::kRotating, "rotating"},
    {Secretariat::kVolunteer, "volunteer"},
    {Secretariat::kCommercial, "commercial"},
    {Secretariat::kInternationalOrg, "international_org"},
}};
constexpr std::span<const EnumName<Secretariat>> enum_table(Secretariat) { return kSecretariatNames; }

/// A fact table while it is read: the fact, and the row that checks its value (null for a
/// table of provenance alone, such as a criterion's evidence).
struct FactDraft : Fact {
  const KeySpec* value_spec = nullptr;
};

/// One condition of membership, evaluated for a country by the eligibility check.
struct EntryRule {
  EntryRuleKind rule = EntryRuleKind::kOpen;
  int count = 0;     ///< sponsors needed (rule "sponsors")
  std::optional<Exact> min_egdi;        ///< rule "track_record"
  std::string principles;               ///< rule "adheres"
  std::vector<std::string> regions;     ///< rule "region": World Bank regions
  std::vector<std::string> countries;   ///< rule "region": ISO3 codes
  std::vector<std::string> groups;      ///< rule "income": World Bank income groups
  bool on_joining = false;              ///< rule "adheres": adhering is part of joining (signing on)
  std::string text;                     ///< one line an official can act on
  Provenance prov;
  SourcePos pos;
};

/// What sort of engagement an option is (issue 13): the default entry and the criterion's
/// level factor it takes follow from it.
enum class OptionKind { kAttend, kJoin, kSign, kSeat, kChair, kHost, kFund };
inline constexpr std::array<EnumName<OptionKind>, 7> kOptionKindNames{{
    {OptionKind::kAttend, "attend"},
    {OptionKind::kJoin, "join"},
    {OptionKind::kSign, "sign"},
    {OptionKind::kSeat, "seat"},
    {OptionKind::kChair, "chair"},
    {OptionKind::kHost, "host"},
    {OptionKind::kFund, "fund"},
}};
constexpr std::span<const EnumName<OptionKind>> enum_table(OptionKind) { return kOptionKindNames; }

/// Who may take an option: the forum's entry rules, anyone, or a current member of the forum.
enum class OptionEntry { kForum, kOpen, kMembers };
inline constexpr std::array<EnumName<OptionEntry>, 3> kOptionEntryNames{{
    {OptionEntry::kForum, "forum"},
    {OptionEntry::kOpen, "open"},
    {OptionEntry::kMembers, "members"},
}};
constexpr std::span<const EnumName<OptionEntry>> enum_table(OptionEntry) { return kOptionEntryNames; }

/// A recurring duty of an option ([[option.obligation]]): an action-plan cycle, a secretariat
/// post. Per year it costs its amounts divided by `every_years`.
struct Obligation {
  std::string what;
  Exact staff_days;
  Exact money_usd;
  Exact every_years = 1;
  Provenance prov;
  SourcePos pos;
};

/// One way a forum really lets a country take part ([[option]] in a forum file). Unset numbers
/// cost nothing; `fee_usd` unset means no fee is known (the note says so).
struct EngagementOption {
  std::string id;
  std::string name;
  OptionKind kind = OptionKind::kJoin;
  std::optional<OptionEntry> entry;  ///< as written; entry() applies the kind's default
  std::string includes;              ///< another option of the forum this one builds on
  std::optional<Exact> delegates, meetings_per_year, meeting_days, calls_per_year, minister_trips_per_year,
      fee_usd, staff_days, hosting_usd, rotation_years, lead_time_months;
  /// "high", "upper_middle", "lower_middle", "low" -> yearly fee in USD (replaces fee_usd).
  std::map<std::string, Exact> fee_usd_by_income;
  std::map<std::string, Exact> factor;  ///< objective -> yield relative to a full member's
  std::vector<std::string> membership_events;  ///< data/memberships.csv events that mean this option
  std::vector<Obligation> obligations;
  std::vector<EntryRule> entry_rules;  ///< this option's own rules, on top of `entry`
  Provenance prov;
  SourcePos pos;

  [[nodiscard]] OptionEntry effective_entry() const;
  /// Whether it chairs or hosts: a role a profile takes at most `max_roles` of a year.
  [[nodiscard]] bool is_role() const { return kind == OptionKind::kChair || kind == OptionKind::kHost; }
  /// Whether it comes in turns (a chair, a host, an elected seat): counted for its share of years.
  [[nodiscard]] bool rotates() const { return is_role() || kind == OptionKind::kSeat; }
  /// The criterion level_factor it takes when `factor` does not name the objective.
  [[nodiscard]] std::string_view level_name() const;
  /// For an option made from a generic forum's engagement levels: the level whose cost rules
  /// (data/assumptions.toml delegates_<level>, lead hosting) apply; "" for a declared option.
  std::string generic_level;
};

/// Scores and costs a forum file gives directly ([given]), replacing the computed ones: how a
/// published portfolio instance is posed as whichforum input (kind "generic").
struct Given {
  std::map<std::string, Exact> scores;                        ///< objective -> 0..1
  std::map<std::string, std::map<std::string, Exact>> costs;  ///< level -> resource -> amount
  Provenance prov;
  SourcePos pos;
};

/// A forum profile. Facts are keyed by their schema key (see schema_forum.cpp); only the keys
/// present in the file are in `facts`.
struct Forum {
  std::shared_ptr<const SourceText> source;
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  SourcePos id_pos, aliases_pos;  ///< where "id" and "aliases" stand, for messages across files
  /// Always the file's (a required key). The default is for a Forum built by hand, and is
  /// deliberately not kGeneric, which would change how it is scored.
  ForumKind kind = ForumKind::kMinilateralNetwork;
  std::string summary;
  std::map<std::string, Fact> facts;
  std::vector<EntryRule> entry_rules;
  std::optional<Given> given;
  std::vector<EngagementOption> options;  ///< [[option]] tables, least committed first

  /// The option `id`, or null.
  [[nodiscard]] const EngagementOption* option(std::string_view id) const;

  /// The fact `key`, or null when the file does not give it.
  [[nodiscard]] const Fact* fact(std::string_view key) const;
  /// The exact value of numeric fact `key`, or nullopt.
  [[nodiscard]] std::optional<Exact> number(std::string_view key) const;
  /// The string value of fact `key`, or "".
  [[nodiscard]] std::string text(std::string_view key) const;
  /// The list value of fact `key`, or an empty list.
  [[nodiscard]] std::vector<std::string> list(std::string_view key) const;
  /// Facts of a closed set, as their enum; nullopt when the file does not give them.
  [[nodiscard]] std::optional<VenueMode> venue_mode() const;
  [[nodiscard]] std::optional<Secretariat> secretariat() const;
};

/// A forum while it is read: the file's stem, which the id must equal when given.
struct ForumDraft : Forum {
  std::string_view expected_id;
};

/// The schema of a forum file's top level, of a fact table's provenance keys, and of an
/// [[entry_rule]] table.
[[nodiscard]] const Schema& forum_schema();
[[nodiscard]] const Schema& provenance_schema();
[[nodiscard]] const Schema& entry_rule_schema();
[[nodiscard]] const Schema& given_schema();
/// The rows of those tables: each key with the field it fills.
[[nodiscard]] const Fields<ForumDraft>& forum_fields();
[[nodiscard]] const Fields<FactDraft>& provenance_fields();
[[nodiscard]] const Fields<EntryRule>& entry_rule_fields();
[[nodiscard]] const Fields<Given>& given_fields();
[[nodiscard]] const Schema& option_schema();
[[nodiscard]] const Schema& obligation_schema();
[[nodiscard]] const Fields<EngagementOption>& option_fields();
[[nodiscard]] const Fields<Obligation>& obligation_fields();
/// The keys of fee_usd_by_income, as World Bank income groups: high -> "High income", ...
[[nodiscard]] const std::vector<std::pair<std::string_view, std::string_view>>& income_fee_keys();
/// The options the model offers for `forum`: its [[option]] tables, or for a forum that declares
/// none (kind generic, and test forums) one per engagement level: observer (attend, open),
/// member (join, the forum's rules), lead (chair, current members).
[[nodiscard]] std::vector<EngagementOption> model_options(const Forum& forum);
/// The ids a profile may name as a forum's current option: its [[option]] ids, or for a forum
/// with none (kind generic) its engagement levels.
[[nodiscard]] std::vector<std::string> offered_option_ids(const Forum& forum);
/// The named principle sets a rule or a profile can refer to.
[[nodiscard]] const std::vector<std::string_view>& principle_names();
/// The World Bank's regions and income groups, as data/countries.csv and files write them.
[[nodiscard]] const std::vector<std::string_view>& region_names();
[[nodiscard]] const std::vector<std::string_view>& income_group_names();
/// The remits a forum can be in and a profile can speak for (digital government, AI, ...).
[[nodiscard]] const std::vector<std::string_view>& remit_names();
/// The engagement levels, from least to most committed: observer, member, lead.
[[nodiscard]] const std::vector<std::string_view>& engagement_level_names();

/// Builds a Forum from a parsed document, checking every key. `expected_id` (the file's stem)
/// must equal the id when given. Errors go to the result's diagnostics.
[[nodiscard]] Result<Forum> parse_forum(const Document& doc, std::string_view expected_id = {});

/// Reads provenance keys of `table` (a fact table or an entry rule) into `out`, checking the
/// invariant above. Shared by forums and criteria.
bool read_provenance(SchemaReader& reader, const Node& table, std::string_view what, Provenance* out);
/// Checks the invariant above on provenance already read (`table` is where it was written);
/// for tables whose own rows read the provenance keys (entry rules, [given], value functions).
bool check_provenance(SchemaReader& reader, const Node& table, std::string_view what, Provenance* out);
/// Reads and checks a fact table's `range` and `confidence` (after its value): a range is
/// "LOW..HIGH" with LOW < HIGH, within the key's own bounds, around a numeric value; a
/// confidence only on an estimate, and not with a range.
bool read_range(SchemaReader& reader, const Node& table, const KeySpec& spec, Fact* fact);

/// A row binding for a provenance key of a table whose struct holds a `prov`: the value lands
/// in `prov.*member`.
template <class T>
Binding<T> in_prov(std::string Provenance::*member) {
  return [member](T& t, Value&& v) { schema_detail::assign(t.prov.*member, std::move(v)); };
}
template <class T>
Binding<T> in_prov(bool Provenance::*member) {
  return [member](T& t, Value&& v) { schema_detail::assign(t.prov.*member, std::move(v)); };
}

// The readers the rows of schema_forum.cpp call, for keys that are tables of their own.
namespace forum_read {
/// A fact table `{ value = ..., source = ..., ... }` of key `spec.key`, into `out`.
bool fact(SchemaReader& reader, const Node& node, const KeySpec& spec, Fact* out);
/// The id, checked for form and against the file name.
bool id(SchemaReader& reader, const Node& node, const KeySpec& spec, ForumDraft& forum);
/// [[entry_rule]] tables, appended to the forum's.
bool entry_rules(SchemaReader& reader, const Node& node, ForumDraft& forum);
/// [[option]] tables, appended to the forum's, with their obligations and entry rules.
bool options(SchemaReader& reader, const Node& node, ForumDraft& forum);
/// [[option.obligation]] tables, appended to the option's.
bool obligations(SchemaReader& reader, const Node& node, EngagementOption& option);
/// An array of entry-rule tables ([[entry_rule]] or [[option.entry_rule]]), appended to `out`.
bool entry_rule_list(SchemaReader& reader, const Node& node, std::vector<EntryRule>* out);
/// [given] scores and costs.
bool given(SchemaReader& reader, const Node& node, ForumDraft& forum);
/// [given] scores = { objective = 0..1 } and costs.<level> = { resource = amount }.
bool given_scores(SchemaReader& reader, const Node& node, Given& given);
bool given_costs(SchemaReader& reader, const Node& node, Given& given);
}  // namespace forum_read

}  // namespace whichforum
