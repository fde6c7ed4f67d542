// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The world view of `batch` (issue 16 item 3): per country the priorities its memberships reveal
// (infer) and how many of them each set of priorities keeps; who has no seat; which forums no
// country of a region can reach; and, from a forum's side, whom to invite.
#pragma once

#include "engine/answer_status.h"
#include "engine/exact.h"
#include "engine/profile.h"
#include "engine/recommend.h"
#include "engine/reference_data.h"

#include <string>
#include <vector>

namespace whichforum {

/// One country of the world view.
struct WorldCountry {
  std::string iso3, country, region;  ///< region: the World Bank's
  size_t held = 0;           ///< current memberships the model weighs (another ministry's, dormant: not)
  size_t kept_default = 0;   ///< of those, in the init profile's recommended portfolio (same forum)
  size_t kept_inferred = 0;  ///< of those, in the best portfolio at the inferred priorities' centre
  size_t recommended = 0;    ///< forums in the init profile's recommended portfolio
  bool no_seat = false;      ///< no forum is worth taking up for it: the recommended portfolio is empty
  /// The inference: kOptimal when it was made (the rest below is then filled in).
  AnswerStatus infer_status = AnswerStatus::kOptimal;
  Exact regret;                     ///< today's least regret over the weights (0: best somewhere)
  std::vector<Exact> inferred;      ///< the centre of the set, one per objective (World::objectives)
  Exact distance;                   ///< weight to move from init's weights to the set
};

/// A forum that no country of a region can reach (every option closed to all of them: neither
/// open nor a step away, such as an invitation).
struct WorldUnreachable {
  std::string forum, region;
  size_t countries = 0;  ///< of the region, recommended in the batch
};

/// A country a forum could invite: not a member, and an option to join or sign open to it or
/// closed only by the forum's own decision (an invitation, sponsors among its members).
struct WorldCandidate {
  std::string iso3, country;
  Exact value;  ///< the option's value less the price of what it uses, at the init profile's weights
  std::string option;
  std::optional<Exact> egdi;  ///< what it brings its peers: its UN EGDI (latest survey)
};

/// Whom a forum could invite, from both sides: the countries it would help most (by value,
/// then ISO3) and those that would bring its peers most (by UN EGDI, then ISO3); at most
/// kWorldInvites each.
struct WorldInvite {
  std::string forum;
  std::vector<WorldCandidate> top;
  std::vector<WorldCandidate> bring;
};

inline constexpr size_t kWorldInvites = 5;

struct World {
  std::vector<std::string> objectives;  ///< of the init profiles (all share them), in id order
  std::vector<WorldCountry> countries;  ///< by ISO3
  std::vector<WorldUnreachable> unreachable;  ///< by forum, then region
  std::vector<WorldInvite> invites;     ///< by forum
  size_t held = 0, kept_default = 0, kept_inferred = 0, inferred = 0, best_somewhere = 0;
  /// Working state for finish_world: per forum and region, countries and those that can reach it;
  /// per forum, every candidate.
  std::map<std::string, std::map<std::string, std::pair<size_t, size_t>>> reach;
  std::map<std::string, std::vector<WorldCandidate>> candidates;
};

/// Adds one country: its inference (within `budget`'s steps), reach and invitation candidates.
void add_world_country(World& world, const Recommendation& rec, const Profile& profile, const CountryRecord& record);

/// Sorts, keeps the top candidates and lists the unreachable forums.
void finish_world(World& world);

}  // namespace whichforum
