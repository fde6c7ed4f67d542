// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Preference statements: the [objectives] table read into weights, intervals, a ranking and AHP
// judgements, and the admissible weight set they define.
#pragma once

#include "engine/profile.h"

#include <string>
#include <vector>

namespace whichforum {

/// Reads [objectives] into `p` (replacing its statements): `id = number` (a weight), `id =
/// "lo..hi"` (an interval on the normalised weight), `ranking = [...]` (tiers, ties in inner
/// lists) and `ahp = [[more, ratio, less], ...]` (Saaty's scale), then builds p->weight_set.
void read_objectives(SchemaReader& reader, const Node& node, Profile* p);

/// Every objective id the statements name, each once, with where it is first named.
[[nodiscard]] std::vector<IdRef> mentioned_objectives(const Profile& p);

/// Where the central weights come from, in a few words: "the weights given", "the rank-order
/// centroid of the ranking", "the AHP eigenvector", "the centre of the stated weight set".
[[nodiscard]] std::string weights_basis(const Profile& p);

}  // namespace whichforum
