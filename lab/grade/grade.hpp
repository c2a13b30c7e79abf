#pragma once
/// \file
/// `racelab grade`: run every exercise's judges through ctest and turn the
/// verdicts into points, then write every format.
///
/// course → build manifest → ctest (the judges write records) → result model
/// (test_results, course_points, withheld_credit) → formats.

#include "core/course.hpp"
#include "core/integrity.hpp"
#include "grade/model/grade_report.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

struct GradeOptions {
  std::filesystem::path build = "build/default";
  bool build_given = false;                        ///< --build was named
  std::optional<std::filesystem::path> out;        ///< default: <build>/grade
  std::optional<std::filesystem::path> course;     ///< default: lab/course.toml upward, or in the build's sources
  std::optional<std::filesystem::path> workspace;  ///< a student workspace: configure a build for it, then grade
  std::optional<std::filesystem::path> integrity;  ///< the trusted integrity record; default: the repository's own
  bool require_pass = false;
  bool color = false;
};

/// Exit status of `racelab grade`.
enum GradeStatus : int { grade_done = 0, grade_failures = 1, grade_error = 2 };

/// What one ctest run of the judges left behind.
struct TestResults {
  std::filesystem::path junit;    ///< ctest's --output-junit file
  std::string console;            ///< ctest's console output (it alone marks time-outs)
  std::filesystem::path records;  ///< the folder of the judges' records
  /// Why ctest was stopped before every judge finished ("grading took longer than 60
  /// minutes…"); empty when it ran to its end. The JUnit file is then missing: the
  /// verdicts come from ctest's console, and the judges without one are "not graded".
  std::string unfinished;
};

/// The report after ctest ran: verdicts from `results`, the compiler's first errors,
/// the judges' findings, credit withheld for `edited` files, points from `course`.
void apply_test_results(GradeReport& report, const Course& course, const TestResults& results,
                        const std::vector<EditedFile>& edited);

/// The whole command; prints to `out` (table) and `err` (errors).
int run_grade(const GradeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
