#pragma once
/// \file
/// The result model filled in from one ctest run: the build's manifest gives
/// the exercises, ctest's JUnit file the verdicts, the judges' records the
/// findings, the compiler's first error the reason a build failed.

#include "core/ctest.hpp"
#include "grade/model/grade_report.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The exercises of <build>/racelab-exercises.json, no judge run yet; throws GradeError.
GradeReport read_manifest(const std::filesystem::path& manifest);

/// Fills the judges of `report` from ctest's JUnit XML; throws GradeError.
/// `timed_out` lists the tests ctest stopped at their TIMEOUT.
void apply_junit(GradeReport& report, const std::filesystem::path& junit_xml,
                 const std::vector<std::string>& timed_out = {});

/// Fills the judges of `report` from ctest's tests (its JUnit file's, or those its console
/// shows as finished); `timed_out` as for apply_junit.
void apply_tests(GradeReport& report, const std::vector<CtestCase>& tests,
                 const std::vector<std::string>& timed_out = {});

/// Every judge of an exercise that counts and is not among the `finished` tests: not run,
/// "not graded: <why>" (grading was stopped before it finished).
void apply_unfinished(GradeReport& report, const std::vector<CtestCase>& finished, const std::string& why);

/// The compiler's first `file:line:col: error: …` in a build step's output, the
/// file shown as a student finds it; nullopt when there is none.
std::optional<GradeFinding> first_compile_error(const std::string& build_output,
                                                const std::optional<std::filesystem::path>& workspace = {});

/// Exercises whose build step failed: the compiler's first error becomes the build
/// judge's summary and finding, and the other judges say "not run: did not compile".
void apply_compile_failures(GradeReport& report);

/// Adds the findings of the judges' records (<dir>/exercise<N>.<judge>.json) to the
/// judges that did not pass. A record never changes a verdict.
void apply_judge_records(GradeReport& report, const std::filesystem::path& dir);

}  // namespace racelab::lab
