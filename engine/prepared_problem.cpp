// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// A problem whose costs are scaled once, solved again and again with new values.
#include "engine/scaling.h"
#include "engine/search.h"

#include <stdexcept>

namespace whichforum {

using boost::multiprecision::cpp_int;

struct PreparedProblem::Impl {
  Problem structure;  // items, constraints and penalty pairs; values unused
  unsigned cost_bits = 0;
  detail::IntCosts<cpp_int> big;
  detail::IntCosts<std::int64_t> fast;  // filled when every cost total fits 62 bits
};

PreparedProblem::PreparedProblem(const Problem& p) {
  auto impl = std::make_shared<Impl>();
  impl->structure = p;
  const detail::Scales scales = detail::scales_of(p);
  impl->cost_bits = scales.cost_bits;
  for (const auto& item : p.items) {
    impl->big.cost.emplace_back();
    for (const auto& o : item.options) {
      std::vector<cpp_int> c;
      for (size_t r = 0; r < p.resources.size(); ++r) c.push_back(detail::scaled(o.cost[r], scales.cost[r]));
      impl->big.cost.back().push_back(std::move(c));
    }
  }
  for (size_t r = 0; r < p.resources.size(); ++r) impl->big.budget.push_back(detail::scaled(p.budget[r], scales.cost[r]));
  if (scales.cost_bits <= 62) {
    for (const auto& item : impl->big.cost) {
      impl->fast.cost.emplace_back();
      for (const auto& o : item) {
        std::vector<std::int64_t> c;
        for (const auto& x : o) c.push_back(static_cast<std::int64_t>(x));
        impl->fast.cost.back().push_back(std::move(c));
      }
    }
    for (const auto& b : impl->big.budget) impl->fast.budget.push_back(static_cast<std::int64_t>(b));
  }
  impl_ = std::move(impl);
}

std::optional<std::vector<int>> PreparedProblem::solve(const std::vector<std::vector<std::int64_t>>& values,
                                                       const std::vector<std::int64_t>& penalties,
                                                       AnswerStatus* status, unsigned long long max_steps) const {
  const Problem& p = impl_->structure;
  if (values.size() != p.items.size() || penalties.size() != p.penalties.size()) {
    throw std::invalid_argument("PreparedProblem::solve: values or penalties do not match the problem");
  }
  cpp_int total = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].size() != p.items[i].options.size()) {
      throw std::invalid_argument("PreparedProblem::solve: values do not match the options of " + p.items[i].id);
    }
    for (std::int64_t v : values[i]) total += v < 0 ? -cpp_int(v) : cpp_int(v);
  }
  for (std::int64_t q : penalties) total += q < 0 ? -cpp_int(q) : cpp_int(q);
  // The values are given on one scale already; only their size picks the integer type.
  detail::SearchResult r;
  if (impl_->cost_bits <= 62 && detail::fits_fast(detail::bit_length(total), impl_->cost_bits, p.items.size())) {
    detail::IntValues<detail::Int128> v;
    for (const auto& item : values) v.value.emplace_back(item.begin(), item.end());
    for (size_t k = 0; k < penalties.size(); ++k) {
      v.penalties.push_back({{p.penalties[k].a, p.penalties[k].b}, detail::Int128(penalties[k])});
    }
    r = detail::search<detail::FastInts>(p, impl_->fast, v, max_steps);
  } else {
    detail::IntValues<cpp_int> v;
    for (const auto& item : values) v.value.emplace_back(item.begin(), item.end());
    for (size_t k = 0; k < penalties.size(); ++k) {
      v.penalties.push_back({{p.penalties[k].a, p.penalties[k].b}, cpp_int(penalties[k])});
    }
    r = detail::search<detail::BigInts>(p, impl_->big, v, max_steps);
  }
  if (status) {
    *status = r.limit_reached ? AnswerStatus::kLimitReached : r.found ? AnswerStatus::kOptimal : AnswerStatus::kInfeasible;
  }
  if (!r.found) return std::nullopt;
  return r.choice;
}

}  // namespace whichforum
