# SPDX-License-Identifier: Apache-2.0
# The shipped files each fuzz target starts from (globs relative to the source root), for run.sh
# and minimise.sh; tests/fuzz/CMakeLists.txt replays the same files with the committed corpus.
declare -A seeds=(
  [fuzz_profile]="profiles/*.toml profiles/scenarios/*.toml tests/bad_inputs/*/*.toml"
  [fuzz_recommend]="profiles/*.toml profiles/scenarios/*.toml"
  [fuzz_infer]="profiles/*.toml tests/backtest/*.toml"
  [fuzz_forum]="forums/*.toml"
  [fuzz_batch]="forums/dn.toml forums/redgealc.toml forums/smart_africa.toml forums/ogp.toml criteria/peer_learning.toml criteria/digital_trade.toml"
  [fuzz_criterion]="criteria/*.toml"
  [fuzz_writer]=""  # byte scenarios: its committed corpus is its seeds
)
# The most seconds one input may take under the sanitizers (libFuzzer's -timeout): 10, except for
# the targets whose one input is a sequence of exact solves (infer: one per rival and per extreme
# point, about 90 for a fuzzed Canada with 66 extreme points, 0.4 s in a release build and some
# 10 s under ASan; batch: three countries' recommend and infer).
declare -A timeouts=([fuzz_infer]=30 [fuzz_batch]=30)
timeout_of() { echo "${timeouts[$1]:-10}"; }
