// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Seeded synthetic instances: a forum catalogue and a profile of any size, for benchmarks and
// the reference-solver test.
#pragma once

#include "engine/engine.h"

#include <cstdint>
#include <map>
#include <string>

namespace whichforum::bench {

/// A small, fast generator whose stream is fixed by its seed on every compiler and library
/// (splitmix64; std distributions differ between standard libraries).
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// A whole number in [lo, hi], both included (hi >= lo).
  long long between(long long lo, long long hi);

 private:
  std::uint64_t state_;
};

/// What to generate.
struct InstanceSpec {
  std::uint64_t seed = 1;
  int forums = 20;       ///< N >= 1: ids s001, s002, ... (more digits past 999)
  int levels = 3;        ///< L: 1 member; 2 observer, member; 3 observer, member, lead
  int resources = 3;     ///< R: how many of money, staff days, ministerial days bind (the rest get the whole cost)
  bool constraints = false;  ///< add must, exclude, max_forums, requires and at_most_one_of now and then
  /// State the objectives as a ranking (the order of the drawn weights, equal ones tied) instead
  /// of the weights themselves: the same forums, budgets and constraints, for `robust`.
  bool rough = false;
};

/// One synthetic instance: files by path relative to the instance directory ("forums/s001.toml",
/// "profile.toml"). Forums are shaped by a size and a quality drawn per forum, so that costs
/// (meetings, delegates, fees, a ministerial tier) and values (prestige, visibility, output,
/// candour) are correlated as in the real catalogue; every fact is an estimate whose reason is
/// "synthetic instance, seed S". Budgets are 20-60% of the total cost of taking every forum at its
/// most committed level, worked out with the real cost model from `shipped` (criteria, data).
/// Errors: diagnostics when the shipped catalogue cannot be read or a generated file is refused.
[[nodiscard]] Result<std::map<std::string, std::string>> generate_instance(const InstanceSpec& spec,
                                                                           const CatalogueDirs& shipped);

/// Serves the files of a generated instance from memory under `root` ("root/forums/x.toml"),
/// and everything else from disk, so that an instance can be loaded without writing it.
class InstanceFileSystem : public FileSystem {
 public:
  InstanceFileSystem(std::string root, const std::map<std::string, std::string>& files)
      : root_(std::move(root)), files_(files) {}
  bool read(const std::string& path, std::string* out, std::string* err) override;
  bool list(const std::string& dir, std::string_view ext, std::vector<std::string>* out, std::string* err) override;

 private:
  std::string root_;
  const std::map<std::string, std::string>& files_;
  RealFileSystem disk_;
};

}  // namespace whichforum::bench
