#pragma once
/// \file
/// `racelab grade`: run every exercise's judges through ctest and report.

#include <boost/json/value.hpp>

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The judges, in table order (the build step counts as one).
inline const std::vector<std::string> grade_judges{"build", "functional", "tsan", "static"};

/// One judge's result for one exercise.
struct JudgeOutcome {
  std::string status = "not run";  ///< "pass", "FAIL", "timeout", "not run"
  std::string summary;             ///< one line: why it failed
  std::string output;              ///< what the judge printed (capped)
  double seconds = 0;
};

struct ExerciseOutcome {
  int number = 0;
  std::string folder;
  std::string label;
  bool graded = false;  ///< false: not in the workspace
  std::map<std::string, JudgeOutcome> judges;
};

struct GradeReport {
  std::string source;
  std::vector<ExerciseOutcome> exercises;
};

struct GradeOptions {
  std::filesystem::path build = "build/default";
  std::optional<std::filesystem::path> out;  ///< default: <build>/grade
  bool require_pass = false;
  bool color = false;
};

/// Exit status of `racelab grade`.
enum GradeStatus : int { grade_done = 0, grade_failures = 1, grade_error = 2 };

/// Something that stops grading; the message names the problem.
struct GradeError {
  std::string message;
};

/// Reads <build>/racelab-exercises.json; throws GradeError.
GradeReport read_manifest(const std::filesystem::path& manifest);

/// Fills the judges of `report` from ctest's JUnit XML; throws GradeError.
/// `timed_out` lists the tests ctest stopped at their TIMEOUT.
void apply_junit(GradeReport& report, const std::filesystem::path& junit_xml,
                 const std::vector<std::string>& timed_out = {});

/// Tests that ctest's own progress output marks "***Timeout".
std::vector<std::string> timed_out_tests(const std::string& ctest_output);

/// The first line of why a judge failed, from what it printed.
std::string failure_summary(const std::string& judge, const std::string& output);

boost::json::value to_json(const GradeReport& report);

/// The terminal table, then one "why" line per failure.
std::string render_table(const GradeReport& report, bool color);

/// True when some graded judge did not pass.
bool any_failure(const GradeReport& report);

/// The whole command; prints to `out` (table) and `err` (errors).
int run_grade(const GradeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
