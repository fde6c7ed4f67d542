// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Scoring: the value of a forum at each engagement level for one country, with its chain.
#pragma once

#include "engine/assumptions.h"
#include "engine/catalogue.h"
#include "engine/country.h"

#include <map>
#include <string>
#include <vector>

namespace whichforum {

/// An indicator's value for a forum and country, and how it was found.
struct IndicatorValue {
  Exact value;
  std::string how;  ///< "fact candour = 0.9 (estimate: ...)", "mean EGDI of 10 members ..."
};

/// Computes indicator `name` (see indicators()); clamped to the indicator's range.
[[nodiscard]] IndicatorValue indicator_value(std::string_view name, const Forum& forum, const CountryView& country,
                                             const ReferenceData& data);

/// One value function applied: x, f(x) and its share of the objective's fit.
struct FunctionTerm {
  const ValueFunction* function = nullptr;
  IndicatorValue x;
  Exact y;             ///< f(x), 0..1
  Exact contribution;  ///< 100 x weight x y
};

/// How far a forum serves the country's themes for one objective (engine/README.md, the model):
/// r = sum_t p_t r_t over the country's theme priorities p and the criterion's relevances r_t,
/// served = the same sum over the themes the forum works on, theme_fit = served / r (1 when
/// r = 0), factor = (1 - r) + r x theme_fit.
struct ThemeFit {
  Exact relevance = 0;  ///< r
  Exact theme_fit = 1;
  Exact factor = 1;
  std::string how;
};

/// Whether the forum works in one of the country's languages, and what is left of the fit if not.
struct LanguageFit {
  bool shared = true;
  Exact factor = 1;  ///< 1, or the criterion's language_barrier factor
  std::string how;
};

/// Whether the country is in a region the forum serves, and what is left of the fit if not.
struct RegionFit {
  Exact factor = 1;  ///< 1, or the criterion's outside_region factor
  std::string how;
};

/// How well a forum fits one objective at member level: 0..100.
struct ObjectiveFit {
  const Criterion* criterion = nullptr;
  Exact weight;    ///< the profile's weight, normalised to sum 1
  Exact base_fit;  ///< sum of the terms' contributions
  ThemeFit theme;
  LanguageFit language;
  RegionFit region;
  Exact fit;       ///< base_fit x theme.factor x language.factor x region.factor
  /// Whether the country's themes apply: false for a given score (the forum's whole value,
  /// which then serves every theme's need of the objective).
  bool themed = false;
  std::vector<FunctionTerm> terms;
};

/// The theme factor of `forum` for `crit` and the country's theme priorities.
[[nodiscard]] ThemeFit theme_fit(const Forum& forum, const Criterion& crit, const CountryView& country);

/// The language factor of `forum` for `crit`: a barrier where the criterion has one and none of
/// the forum's working languages is one of the country's (a forum with no languages fact: none).
[[nodiscard]] LanguageFit language_fit(const Forum& forum, const Criterion& crit, const CountryView& country);
/// The region factor: the criterion's outside_region where the forum states focus_regions and
/// the country's region is not among them; else 1.
[[nodiscard]] RegionFit region_fit(const Forum& forum, const Criterion& crit, const CountryView& country);

/// How well the forum itself performs (DOMAIN.md section 6), a factor in floor..1:
/// floor + (1 - floor) x mean(secretariat score, core_stability, output_strength).
struct Performance {
  Exact factor;
  std::string how;
};

/// Everything the value of one forum rests on.
struct ForumScore {
  std::vector<ObjectiveFit> fits;
  Performance performance;
  /// option id -> objective -> weight x fit x the option's factor x performance
  std::map<std::string, std::map<std::string, Exact>> by_objective;
  std::map<std::string, Exact> value;  ///< option id -> sum over objectives
  /// option id -> objective -> the same at unit weight and before the theme factor: base_fit x
  /// language x region x the option's factor x performance. Divided by 100 (and at most 1), the
  /// share of each of the objective's needs the option serves (engine/README.md, coverage); kept
  /// at unit weight so that one scoring gives both the weighted values and the shares.
  std::map<std::string, std::map<std::string, Exact>> yield;
};

/// The profile's weights, normalised to sum 1, keyed by objective id.
[[nodiscard]] std::map<std::string, Exact> normalised_weights(const Profile& profile);

[[nodiscard]] Performance forum_performance(const Forum& forum, const Assumptions& a);

/// The option's factor for `objective`: its own `factor`, else the criterion's level_factor for
/// the option's kind.
[[nodiscard]] Exact option_factor(const EngagementOption& o, const Criterion& crit);

/// Scores `forum` for `country`, each of `options` (model_options(forum)) under `weights`.
[[nodiscard]] ForumScore score_forum(const Forum& forum, const std::vector<EngagementOption>& options,
                                     const CountryView& country, const Catalogue& catalogue,
                                     const std::map<std::string, Exact>& weights, const Assumptions& a);

}  // namespace whichforum
