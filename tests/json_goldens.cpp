// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Every JSON output the goldens pin, read back by a real JSON parser (nlohmann/json, test-only):
// a byte-identical golden only says the output did not change, not that a JSON consumer can
// read it. For each case directory under the roots given whose `args` ask for `--format json`,
// its expected `stdout` must be one valid JSON document; a case that failed (non-zero status)
// with an empty stdout is the one exception, since an error goes to stderr as text.
//   json_goldens ROOT...   e.g. tests/golden tests/bad_inputs
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The case's arguments, one a line, as run.sh reads them.
bool asks_for_json(const std::filesystem::path& args_file) {
  std::vector<std::string> args;
  std::string text = slurp(args_file);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    args.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format=json") return true;
    if (args[i] == "--format" && i + 1 < args.size() && args[i + 1] == "json") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> cases;
  for (int i = 1; i < argc; ++i) {
    for (const auto& entry : fs::directory_iterator(argv[i])) {
      if (entry.is_directory() && fs::exists(entry.path() / "args") && asks_for_json(entry.path() / "args")) {
        cases.push_back(entry.path());
      }
    }
  }
  std::sort(cases.begin(), cases.end());
  int checked = 0, failed = 0;
  for (const auto& dir : cases) {
    std::string out = slurp(dir / "stdout");
    std::string status = slurp(dir / "status");
    if (out.empty() && status != "0\n") {
      std::printf("skip %s: exit %s with no stdout\n", dir.filename().c_str(),
                  status.substr(0, status.find('\n')).c_str());
      continue;
    }
    ++checked;
    try {
      nlohmann::json parsed = nlohmann::json::parse(out);  // throws at the first invalid byte
      (void)parsed;
      std::printf("ok   %s\n", dir.filename().c_str());
    } catch (const nlohmann::json::parse_error& e) {
      ++failed;
      std::printf("FAIL %s/stdout: %s\n", dir.string().c_str(), e.what());
    }
  }
  // Finding none means the scan is broken (a moved folder, a changed args format), not success.
  if (checked == 0) {
    std::printf("no JSON golden found under the roots given\n");
    return 1;
  }
  std::printf("%d JSON outputs parsed, %d invalid\n", checked, failed);
  return failed == 0 ? 0 : 1;
}
