// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The estimates behind a recommendation, each with its range, and how sure the recommendation is
// over them as well as over the weights (issue 17): joint samples of weights and estimates, and
// the estimates whose change within their ranges flips the recommendation.
#pragma once

#include "engine/answer_status.h"
#include "engine/catalogue.h"
#include "engine/profile.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace whichforum {

struct Recommendation;
class SearchBudget;

/// Where an estimate's range comes from.
enum class RangeBasis {
  kStated,      ///< the file's `range`
  kConfidence,  ///< the default band of the file's `confidence`
  kDefault,     ///< no range and no confidence: the medium band
};

/// One uncertain number of the model: a forum's numeric estimate or a cost and value assumption
/// of data/assumptions.toml, with the range it may lie in.
struct Estimate {
  std::string forum;  ///< "" for data/assumptions.toml
  std::string key;
  Exact value, low, high;
  RangeBasis basis = RangeBasis::kDefault;
  Confidence confidence = Confidence::kMedium;  ///< the band's, unless stated
  std::string reason;
  /// "dn.early_warning", or "assumptions.fare_other_region_usd".
  [[nodiscard]] std::string id() const { return (forum.empty() ? std::string("assumptions") : forum) + "." + key; }
};

/// An estimate's default band around `value` for `confidence`: for a key whose values lie in
/// 0..1 (a judgement, a share) +-0.2, +-0.1, +-0.05 for low, medium, high; for other numbers
/// +-50%, +-25%, +-10% of the value; clipped to the key's bounds `min`..`max` (empty: none).
/// Estimates themselves, stated in engine/README.md.
[[nodiscard]] std::pair<Exact, Exact> default_band(const Exact& value, Confidence confidence, std::string_view min,
                                                   std::string_view max);

/// The estimates that can move `rec` (made from `profile` and `cat`): the numeric estimates of
/// the forums that offer an option in its problem, and the assumptions, each with its range;
/// sorted by id. Left out, and said so in engine/README.md: what a profile overrides (the
/// profile's own value is taken as known), integer facts without a stated range (years, member
/// counts), non-numeric estimates (themes, languages), and the assumptions that are rules of the
/// model rather than quantities (`kModelRules`).
[[nodiscard]] std::vector<Estimate> model_estimates(const Recommendation& rec, const Profile& profile,
                                                    const Catalogue& cat);

/// The assumptions held fixed: conventions of the model (how far ahead it plans, when a forum
/// counts as dormant, how many meetings a guest attends), which a profile sets, not quantities
/// known with an error.
[[nodiscard]] const std::vector<std::string_view>& model_rules();

/// One joint draw's portfolio: (forum, option) pairs in forum id order.
using NamedChoice = std::vector<std::pair<std::string, std::string>>;

/// A forum's share of the joint samples.
struct JointForum {
  std::string forum;
  std::uint64_t wins = 0;  ///< samples whose best portfolio takes one of its options
  Exact acceptability, half_width;
  std::vector<std::pair<std::string, std::uint64_t>> option_wins;  ///< per option taken, in option order
};

/// A portfolio's share of the joint samples.
struct JointPortfolio {
  NamedChoice choice;
  std::uint64_t wins = 0;
  Exact acceptability, half_width;
};

/// Where one estimate, moved alone within its range at the central weights, changes the
/// recommendation: below `at` (falling) or above it (rising), the best portfolio is `challenger`.
struct EstimateFlip {
  size_t estimate = 0;  ///< into EstimateRobustness::estimates
  bool falling = true;  ///< the change happens as the estimate falls below `at` (else rises above it)
  Exact at;             ///< the value where the recommendation stops being the best
  bool exact = true;    ///< `at` is the crossing itself (else the middle of a bracket of width `bracket`)
  Exact bracket;
  NamedChoice challenger;
  bool none_fits = false;  ///< beyond `at` no portfolio meets the constraints (challenger empty)
  std::vector<std::string> adds, drops;  ///< "forum (option)" against the recommendation
};

/// The answer over the estimates. kLimitReached: a solve stopped at the step limit (nothing is
/// claimed); kOptimal otherwise.
struct EstimateRobustness {
  AnswerStatus status = AnswerStatus::kOptimal;
  std::uint64_t samples = 0, seed = 0;
  std::vector<Estimate> estimates;
  std::vector<JointForum> forums;          ///< every forum that offers an option, in id order
  std::vector<JointPortfolio> portfolios;  ///< by wins, then first drawn
  std::vector<EstimateFlip> flips;         ///< nearest to the estimate's value first (as a share of its range)
  size_t estimates_checked = 0;            ///< estimates searched for a flip (all of `estimates`)
};

struct EstimateOptions {
  std::uint64_t samples = 1000;
  std::uint64_t seed = 20261123;
  bool flips = true;  ///< search each estimate's range for a flip
};

/// An estimate's number as reports show it: three decimals below 10, whole numbers above.
[[nodiscard]] std::string estimate_number(const Exact& x);

/// "range 0.4..0.6, default band" / "stated range 0.3..0.6" / "range ..., confidence low".
[[nodiscard]] std::string range_text(const Estimate& e);

/// One flip in words: "if dn.early_warning (0.5; range 0.4..0.6, default band) falls below 0.437:
/// adds govinsider (observer); drops dn (member)".
[[nodiscard]] std::string flip_text(const EstimateRobustness& r, const EstimateFlip& f);

/// The flips that change `forum`'s place or option, nearest first.
[[nodiscard]] std::vector<const EstimateFlip*> flips_of(const EstimateRobustness& r, std::string_view forum);

/// Joint samples: weights uniform over `set` (as robust's), each estimate uniform in its range,
/// independently, seeded; per sample the model rebuilt with those estimates and solved at those
/// weights. Then each estimate alone along its range (the others at their values, the central
/// weights) for the value where the recommendation changes: each end of the range, and where an
/// end gives another portfolio, a bisection of twelve steps towards it and then the crossing of
/// the two portfolios' values (or of a cost and its budget) by regula falsi, exact where they are
/// linear near it. Solves take their steps from `budget`.
[[nodiscard]] EstimateRobustness analyse_estimates(const Recommendation& rec, const Profile& profile,
                                                   const Catalogue& cat, const EstimateOptions& options,
                                                   SearchBudget& budget);

}  // namespace whichforum
