#pragma once
/// \file
/// `racelab judge`: one judge's verdict on one exercise, written for a student,
/// and returned with its findings as data.

#include "core/course.hpp"
#include "core/finding.hpp"
#include "core/judge.hpp"
#include "core/verdict.hpp"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

struct JudgeOptions {
  Judge judge = Judge::functional;  ///< functional, tsan, static or perf (the build is ctest's)
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
  /// static: run the checker a second time for its findings as data (they go into a record).
  bool findings_as_data = false;
  /// functional, tsan: replay one run with this seed of the graders' random pauses (RACELAB_SEED).
  std::optional<std::uint64_t> seed;
  /// functional, tsan: runs with different seeds, at most, within the time limit (seeded_runs.hpp).
  int runs = 1;
  /// The grading policy, checked on the student's files before any judge runs them
  /// (empty: none): the exercise's exercise.json, the checker, the build's
  /// compile_commands.json folder and the student's files.
  std::filesystem::path policy;
  std::filesystem::path checker;
  std::filesystem::path compile_commands;
  std::vector<std::filesystem::path> student_files;
  /// The build targets that compile this variant (its grader, TSan twin, perf driver): the
  /// policy reads their compile commands only (empty: every command of the student's files).
  std::vector<std::string> compile_targets;
};

/// What a judge concluded, and what it found.
struct JudgeVerdict {
  JudgeStatus status = judge_error;
  std::vector<GradeFinding> findings;  ///< files as the judge saw them (absolute when it knows the sources)
};

/// `file` as a judge found it (relative to the student's sources, as TSan and the escape-hatch
/// scan show it) made absolute, as findings carry it.
std::string absolute_in_sources(const JudgeOptions& options, const std::string& file);

/// The verdict: printed to `out` for a student, returned with the findings.
JudgeVerdict judge_verdict(const JudgeOptions& options, std::ostream& out);

/// judge_verdict(), and when RACELAB_RESULTS_DIR is set (racelab grade), its record in
/// that folder; returns the status (the exit status of `racelab judge`).
int run_judge(const JudgeOptions& options, std::ostream& out);

}  // namespace racelab::lab
