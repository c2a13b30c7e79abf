#pragma once
/// \file
/// The result model of `racelab grade`: every exercise, every judge's verdict,
/// findings and points. Every format (grade/formats) is written from it.

#include "core/finding.hpp"
#include "core/integrity.hpp"
#include "core/judge.hpp"
#include "core/verdict.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The summary of a judge ctest did not run because its exercise's build step failed…
inline const std::string not_run_build_failed = "not run: the build step failed";
/// …and, once the compiler's first error is known, because the code did not compile.
inline const std::string not_run_not_compiled = "not run: did not compile";

/// The summary of a perf judge that could not measure starts with this.
inline const std::string unmeasured_prefix = "not graded, no points lost or given: could not measure: ";

/// One judge's result for one exercise. The verdict is ctest's; findings only add detail.
struct JudgeOutcome {
  Verdict verdict = Verdict::not_run;
  std::string summary;  ///< one line: why it failed
  std::string output;   ///< what the judge printed (capped)
  double seconds = 0;
  double points = 0;      ///< earned: all of max_points when it passed, else 0
  double max_points = 0;  ///< from the course file; 0 when not graded (unmeasured)
  std::vector<GradeFinding> findings;
  /// Its record says the judge itself could not run (exit status 2: a judge or
  /// kit error, not a verdict on the student's code).
  bool could_not_run = false;

  /// Not run only because the exercise's build step failed: its reason is the build judge's.
  [[nodiscard]] bool waits_for_build() const;
};

struct ExerciseOutcome {
  int number = 0;
  std::string folder;
  std::string label;
  bool graded = false;  ///< false: not in the workspace
  std::map<Judge, JudgeOutcome> judges;
  /// The judges the build registered (the manifest's; the four every exercise has when it does not say).
  std::vector<Judge> registered{grade_judges.begin(), grade_judges.end()};
  bool judges_listed = false;        ///< the manifest listed them (so a course judge missing is an error)
  std::vector<std::string> sources;  ///< the student's files (manifest "sources"), absolute
  std::string workspace;             ///< the student's folder for this exercise, absolute
  std::string perf_driver;           ///< the student's perf driver (manifest "perf_driver"); empty: none
  bool in_course = true;             ///< false: the course file does not grade it
  std::string compile_error;         ///< the compiler's first error, when it did not compile
  std::string withheld;              ///< why its credit is withheld ("… was edited"); empty: it is not

  [[nodiscard]] double points() const;
  [[nodiscard]] double max_points() const;
  /// The judges to show: those registered and any ctest reported besides, in table order.
  [[nodiscard]] std::vector<Judge> shown_judges() const;
  /// True when `judge` is one of shown_judges().
  [[nodiscard]] bool shows(Judge judge) const;
  /// The judge's outcome; a "not run" one when ctest reported nothing for it.
  [[nodiscard]] const JudgeOutcome& outcome(Judge judge) const;
  /// Graded and in the course: its points count.
  [[nodiscard]] bool counts() const { return graded && in_course; }
};

struct GradeReport {
  std::string source;
  std::vector<ExerciseOutcome> exercises;  ///< by number
  std::string course;                      ///< the course's name
  std::string course_file;                 ///< as shown in messages
  std::string visibility = "visible";      ///< Gradescope visibility, from the course
  std::vector<EditedFile> edited;          ///< protected files not as handed out (their exercises get no credit)
  /// Why the students' programs ran without the sandbox (bubblewrap could not start, or
  /// RACELAB_SANDBOX=off); empty when they ran isolated.
  std::string not_isolated;
  /// A graded workspace without CMakePresets.json or .git: its files are shown relative to it.
  std::optional<std::filesystem::path> workspace;

  [[nodiscard]] double points() const;      ///< earned, over the exercises that count
  [[nodiscard]] double max_points() const;  ///< over the exercises in the course
  /// Every judge any graded exercise shows, in table order.
  [[nodiscard]] std::vector<Judge> shown_judges() const;
};

/// True when some graded judge did not pass.
bool any_failure(const GradeReport& report);

/// "Not isolated: …": what every format says when the programs ran without the sandbox.
std::string not_isolated_line(const std::string& why);

}  // namespace racelab::lab
