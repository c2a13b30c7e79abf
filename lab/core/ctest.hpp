#pragma once
/// \file
/// ctest as a tool: where it is, and what a run said (its --output-junit file
/// and its console's time-outs). Nothing here knows racelab's test names.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// One test of a ctest run, as its JUnit file says.
struct CtestCase {
  enum class Status { passed, failed, not_run };

  std::string name;
  Status status = Status::not_run;
  double seconds = 0;
  std::string output;           ///< what the test printed (ctest's <system-out>)
  std::string skipped_message;  ///< why ctest did not run it ("Fixture dependency failed")
};

/// ctest's JUnit file cannot be read; the message names it.
struct CtestError {
  std::string message;
};

/// The tests of `junit_file` (ctest --output-junit), in its order; throws CtestError.
std::vector<CtestCase> read_ctest_junit(const std::filesystem::path& junit_file);

/// The tests ctest's console output marks "***Timeout" (its JUnit file says only "fail").
std::vector<std::string> timed_out_tests(const std::string& ctest_output);

/// The tests ctest's console output shows as finished ("Passed", "***Failed", "***Timeout",
/// "***Not Run", …), without their output: what is known of a run stopped before ctest
/// wrote its JUnit file.
std::vector<CtestCase> finished_tests(const std::string& ctest_output);

/// One test as `ctest --show-only=json-v1` lists it.
struct CtestTest {
  std::string name;
  std::vector<std::string> command;      ///< program, then its arguments
  std::vector<std::string> environment;  ///< its ENVIRONMENT property: "NAME=value"
  double timeout_seconds = 0;            ///< its TIMEOUT property; 0: none
};

/// The tests of a `ctest --show-only=json-v1` listing, in its order; throws CtestError.
std::vector<CtestTest> parse_ctest_listing(const std::string& json);

/// The ctest that configured `build` (its CMakeCache.txt), else the one on PATH.
std::optional<std::string> find_ctest(const std::filesystem::path& build);

}  // namespace racelab::lab
