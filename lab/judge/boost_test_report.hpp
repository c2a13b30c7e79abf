#pragma once
/// \file
/// Boost.Test's own account of a run: its XML report, sent through a pipe the
/// judge opened (never a file the program could rewrite afterwards) and
/// written only once every test case has run; the grader's own list of its
/// test cases (`--list_content`), which the report must match case by case;
/// and its failure lines.
///
/// An exit status of 0 proves nothing: a program can quick_exit(0) halfway
/// through, or a destructor can _exit(0) after failed checks. The report is
/// what counts, and a test case it leaves out or skips is not a pass.

#include "sandbox/channel.hpp"
#include "sandbox/process.hpp"

#include <map>
#include <string>
#include <vector>

namespace racelab::lab {

/// Boost.Test exits with 201 when checks failed, 200 on an uncaught exception or signal.
inline constexpr int boost_test_failed = 201;
inline constexpr int boost_test_error = 200;

/// Adds the options that make the program write its report into `channel`.
void ask_for_report(RunRequest& request, Channel& channel);

/// The report: the master test suite's line and every test case's result.
struct TestReport {
  bool found = false;  ///< the run reached its end and wrote one whole report
  std::string result;  ///< "passed", "failed", "aborted"…
  int passed = 0;
  int failed = 0;
  int aborted = 0;
  /// "suite/case" (data cases "suite/case/_0") → "passed", "failed", "skipped", "aborted".
  std::map<std::string, std::string> cases;

  [[nodiscard]] bool all_passed() const {
    return found && result == "passed" && passed > 0 && failed == 0 && aborted == 0;
  }
  /// "3 passed, 1 failed, 0 aborted".
  [[nodiscard]] std::string counts() const;
};

/// Parses the report (Boost.PropertyTree); `found` is false when there is none, it does not
/// parse, or it holds more than one document (something wrote into the channel besides Boost.Test).
TestReport parse_test_report(const std::string& xml);

/// The grader's test cases as `--list_content` prints them (indented by suite, `*` when
/// enabled): the enabled cases' paths, as the report names them ("suite/case").
std::vector<std::string> parse_test_list(const std::string& listing);

/// The listed cases the report does not show as passed: "suite/case (skipped)", "… (did not run)".
std::vector<std::string> cases_not_passed(const std::vector<std::string>& listed, const TestReport& report);

/// The listed cases the report does not show as run (skipped or missing); failed ones ran.
std::vector<std::string> cases_not_run(const std::vector<std::string>& listed, const TestReport& report);

/// Why an exit status of 0 was not believed.
std::string unproven_exit(const RunResult& result, const TestReport& report);

/// Boost.Test's failing-assertion lines in `output`, shortened:
/// `counter_test.cpp(42): in "counter_tests/total": check … has failed`.
std::vector<std::string> boost_test_failures(const std::string& output);

}  // namespace racelab::lab
