// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Preference statements: the [objectives] table read into weights, intervals, a ranking and AHP
// judgements, and the admissible weight set they define.
#pragma once

#include "engine/enum_names.h"
#include "engine/profile.h"

#include <array>
#include <span>

#include <string>
#include <vector>

namespace whichforum {

/// Reads [objectives] into `p` (replacing its statements): `id = number` (a weight), `id =
/// "lo..hi"` (an interval on the normalised weight), `ranking = [...]` (tiers, ties in inner
/// lists) and `ahp = [[more, ratio, less], ...]` (Saaty's scale), then builds p->weight_set.
void read_objectives(SchemaReader& reader, const Node& node, Profile* p);

/// Reads a profile's `themes` into p->themes (the ids, with where they stand) and
/// p->theme_priority (normalised to sum 1): a list is one ranking, most important first with
/// ties in inner lists (its rank-order centroid, as [objectives] ranking), a table holds
/// weights (`ai = "3"`, ratios normalised as [objectives] numbers). The same readers and
/// weight set as [objectives]. An empty list leaves both empty: every theme counts the same.
void read_themes(SchemaReader& reader, const Node& node, Profile* p);

/// Every objective id the statements name, each once, with where it is first named.
[[nodiscard]] std::vector<IdRef> mentioned_objectives(const Profile& p);

/// Where the central weights come from, in a few words: "the weights given", "the rank-order
/// centroid of the ranking", "the AHP eigenvector", "the centre of the stated weight set".
/// Where the central weights come from: a closed set, each with the words reports use.
enum class WeightsBasis {
  kGiven,              ///< numbers only: the weights as stated, normalised
  kRankOrderCentroid,  ///< a ranking only
  kAhpEigenvector,     ///< AHP judgements only
  kOnlyPoint,          ///< statements that admit one weight vector
  kCentre,             ///< any other mix: the mean of the set's extreme points
};
inline constexpr std::array<EnumName<WeightsBasis>, 5> kWeightsBasisNames{{
    {WeightsBasis::kGiven, "the weights given"},
    {WeightsBasis::kRankOrderCentroid, "the rank-order centroid of the ranking"},
    {WeightsBasis::kAhpEigenvector, "the AHP eigenvector"},
    {WeightsBasis::kOnlyPoint, "the only weights the statements allow"},
    {WeightsBasis::kCentre, "the centre of the stated weight set (the mean of its extreme points)"},
}};
constexpr std::span<const EnumName<WeightsBasis>> enum_table(WeightsBasis) { return kWeightsBasisNames; }

[[nodiscard]] WeightsBasis weights_basis(const Profile& p);

}  // namespace whichforum
