#pragma once
/// \file
/// `racelab judge`: one judge's verdict on one exercise, written for a student.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/course.hpp"
#include "sandbox/process.hpp"

namespace racelab::lab {

/// The three judges every exercise faces.
enum class JudgeKind {
  functional,  ///< the grader's Boost.Test checks, built plainly
  tsan,        ///< the same checks built with -fsanitize=thread
  static_check, ///< racelab-check on the student's sources
  perf          ///< the perf exercises: the student's strategies against the reference, as ratios
};

/// Exit status of `racelab judge`.
enum JudgeStatus : int {
  judge_passed = 0,
  judge_failed = 1,
  judge_error = 2,  ///< the judge itself could not run
};

struct JudgeOptions {
  JudgeKind kind = JudgeKind::functional;
  int exercise = 0;
  std::filesystem::path readme;   ///< the exercise's README.md (for "What to do")
  std::filesystem::path sources;  ///< the folder holding the student's files
  double timeout_seconds = 60;
  std::vector<std::string> command;  ///< what to run
  std::filesystem::path course;     ///< perf: the course file (thresholds); empty: lab/course.toml of the kit
  std::filesystem::path reference;  ///< perf: the reference strategies' driver
  /// CPU, memory, processes and output of the program (wall clock: timeout_seconds).
  Limits limits;
  /// The exercise's own task sleeps (its starter and solutions do on purpose),
  /// so a sleep in the student's sources is not an escape hatch.
  bool sleep_allowed = false;
};

/// "functional", "tsan", "static".
std::string judge_id(JudgeKind kind);
/// "functional tests", "ThreadSanitizer", "racelab-check".
std::string judge_title(JudgeKind kind);
/// Parses "functional" / "tsan" / "static"; throws std::invalid_argument otherwise.
JudgeKind parse_judge_kind(const std::string& text);

/// Runs the judge, prints its verdict to `out`, returns a JudgeStatus.
int run_judge(const JudgeOptions& options, std::ostream& out);

/// The perf judge (perf_judge.cpp): the student's driver against the reference driver.
int run_perf_judge(const JudgeOptions& options, std::ostream& out);

/// Boost.Test's failing-assertion lines in `output`, shortened:
/// `counter_test.cpp(42): in "counter_tests/total": check … has failed`.
std::vector<std::string> boost_test_failures(const std::string& output);

/// The README path as a student finds it: relative to the repository root
/// (the nearest folder above it holding CMakePresets.json or .git), else as given.
std::string readme_for_display(const std::filesystem::path& readme);

/// The judges' TSAN_OPTIONS for logs written to `<log_dir>/tsan.<pid>`.
std::string judge_tsan_options(const std::filesystem::path& log_dir);

/// Exit status of a TSan run that found problems (set through TSAN_OPTIONS).
inline constexpr int tsan_exit_code = 66;

}  // namespace racelab::lab
