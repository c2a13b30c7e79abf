#pragma once
/// \file
/// `racelab verify`: the instructor's check of the kit before handing it out.
/// Every exercise is complete and registered, holds no stray file, every
/// starter fails as its exercise says and every solution passes.

#include "kit/registration.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace racelab::lab {

/// One thing wrong, always about one exercise (0: the kit as a whole).
struct VerifyProblem {
  int exercise = 0;
  std::string message;  ///< "exercise 3: the starter passed ThreadSanitizer, but …"
};

struct VerifyOptions {
  std::filesystem::path kit;                     ///< empty: find_kit_root()
  std::filesystem::path build;                   ///< empty: <kit>/build/verify
  std::vector<int> exercises;                    ///< empty: every exercise
  bool static_only = false;                      ///< files and manifests only; no build, no ctest
  /// Instead of the kit: compare this student repository's protected files with the kit's.
  std::filesystem::path submission;
};

/// The checks that need no build: files, manifests, course file, solutions' layout.
std::vector<VerifyProblem> verify_files(const std::filesystem::path& kit, const std::vector<KitExercise>& exercises);

/// The README's judge table, title and hint count, and the course file's points and perf
/// thresholds, against each exercise's manifest; `whole_kit`: also the course's exercises
/// that have no manifest.
void check_agreement(const std::filesystem::path& kit, const std::vector<KitExercise>& exercises, bool whole_kit,
                     std::vector<VerifyProblem>& problems);

/// Exercise folders under exercises/ that no tests/exercises/NN-name/exercise.json describes:
/// they would never be graded.
void check_unregistered(const std::filesystem::path& kit, const std::vector<KitExercise>& exercises,
                        std::vector<VerifyProblem>& problems);

/// What a failed self-test expectation means, from its ctest name
/// (`selftest.exercise3.starter.tsan`) and its output; empty when the name is not one.
std::string explain_expectation(const std::string& test_name, const std::string& output, bool timed_out);

/// The whole command: 0 all good, 1 problems found, 2 could not run.
int run_verify(const VerifyOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
