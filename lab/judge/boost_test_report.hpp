#pragma once
/// \file
/// Boost.Test's own account of a run: its XML report (asked for on the command
/// line, written only once every test case has run) and its failure lines.
///
/// An exit status of 0 proves nothing: a program can quick_exit(0) halfway
/// through, or a destructor can _exit(0) after failed checks. The report is
/// what counts.

#include "sandbox/process.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// Boost.Test exits with 201 when checks failed, 200 on an uncaught exception or signal.
inline constexpr int boost_test_failed = 201;
inline constexpr int boost_test_error = 200;

/// <dir>/boost-test-report.xml.
std::filesystem::path report_path(const std::filesystem::path& dir);

/// Adds the options that make the program write its report to report_path(dir).
void ask_for_report(RunRequest& request, const std::filesystem::path& dir);

/// The master test suite's line of the report.
struct TestReport {
  bool found = false;  ///< the run reached its end and wrote its report
  std::string result;  ///< "passed", "failed", "aborted"…
  int passed = 0;
  int failed = 0;
  int aborted = 0;

  [[nodiscard]] bool all_passed() const {
    return found && result == "passed" && passed > 0 && failed == 0 && aborted == 0;
  }
  /// "3 passed, 1 failed, 0 aborted".
  [[nodiscard]] std::string counts() const;
};

/// Reads the report (Boost.PropertyTree); `found` is false when there is none or it does not parse.
TestReport read_test_report(const std::filesystem::path& file);

/// Why an exit status of 0 was not believed.
std::string unproven_exit(const RunResult& result, const TestReport& report);

/// Boost.Test's failing-assertion lines in `output`, shortened:
/// `counter_test.cpp(42): in "counter_tests/total": check … has failed`.
std::vector<std::string> boost_test_failures(const std::string& output);

}  // namespace racelab::lab
