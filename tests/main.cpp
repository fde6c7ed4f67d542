// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The doctest main: the one translation unit that defines it. CTest runs each test case alone
// (doctest_discover_tests passes its name as --test-case=NAME); a name that the filter cannot
// match (CMake's discovery splits at ';', doctest's filter at ',') ran no case and passed, so a
// filtered run that starts no test case fails here instead of passing with nothing checked.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>

namespace {

int started = 0;

// Counts the test cases that start; it reports nothing else.
struct StartCounter : doctest::IReporter {
  explicit StartCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override { ++started; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

DOCTEST_REGISTER_LISTENER("start_counter", 1, StartCounter);

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;  // --help, --list-test-cases and the like
  bool filtered = false;
  for (int i = 1; i < argc; ++i) {
    filtered = filtered || std::strncmp(argv[i], "--test-case=", 12) == 0 || std::strncmp(argv[i], "-tc=", 4) == 0;
  }
  if (filtered && started == 0) {
    std::fprintf(stderr, "tests: the --test-case filter matched no test case (a ',' or ';' in a test name breaks it): nothing was checked\n");
    return 1;
  }
  return result;
}
