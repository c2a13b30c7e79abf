#pragma once
/// \file
/// `racelab assign`: the kit's exercises as registered, and the student
/// repository made from a choice of them (what is copied, what is generated,
/// what is protected by the integrity record).

#include "core/integrity.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// Something that stops assign, verify or a batch; the message names the problem.
struct KitError {
  std::string message;
};

/// One exercise as tests/exercises/NN-name/CMakeLists.txt registers it
/// (its racelab_add_exercise call).
struct KitExercise {
  int number = 0;
  std::string folder;                  ///< "01-counter"
  std::string contract;                ///< the contract header, in exercises/<folder>/
  std::vector<std::string> sources;    ///< the student's files, in exercises/<folder>/
  std::vector<std::string> solutions;  ///< approaches, in solutions/<folder>/
  std::filesystem::path registration;  ///< its CMakeLists.txt
};

/// The kit root above `start` (or the current folder): the nearest folder
/// holding lab/course.toml and cmake/RacelabExercise.cmake.
std::optional<std::filesystem::path> find_kit_root(const std::filesystem::path& start = {});

/// The value of `racelab_add_exercise(<number> <folder> KEYWORD value…)`'s keyword
/// arguments, read from a CMakeLists.txt text; throws KitError when there is no such call.
KitExercise parse_registration(const std::string& cmake_text, const std::filesystem::path& file);

/// Every exercise registered under <kit>/tests/exercises, by number.
std::vector<KitExercise> kit_exercises(const std::filesystem::path& kit);

/// One file of a student repository.
struct PlannedFile {
  std::string path;                 ///< in the student repository, '/'-separated
  std::filesystem::path from;       ///< copied from here…
  std::optional<std::string> text;  ///< …or written with this text
  bool is_protected = true;         ///< recorded in .racelab/integrity.json
  int exercise = 0;                 ///< the exercise it belongs to; 0: every exercise
  bool executable = false;
};

/// What `racelab assign <numbers> --to …` writes (without the integrity record);
/// throws KitError for an unknown number.
std::vector<PlannedFile> plan_student_repository(const std::filesystem::path& kit, const std::vector<int>& numbers);

/// The integrity record of a plan: the hashes of its protected files.
std::vector<IntegrityEntry> integrity_of(const std::vector<PlannedFile>& plan);

/// The course file restricted to `numbers`: their [exercise.N] tables, and everything else.
std::string restrict_course(const std::string& course_text, const std::vector<int>& numbers);

/// CMakePresets.json without the self-test presets (they need solutions/).
std::string student_presets(const std::string& presets_json);

struct AssignOptions {
  std::vector<int> exercises;
  std::filesystem::path to;
  std::filesystem::path kit;  ///< empty: find_kit_root()
};

/// The protected files of a student repository (made by assign) that differ
/// from what assign would write from `kit` now, for the exercises the
/// repository holds: the instructor's pristine copy, whatever record the
/// repository carries (when `kit` is itself a student repository, its own
/// record is the pristine one). Empty for a folder without exercises/.
std::vector<EditedFile> edited_protected_files(const std::filesystem::path& kit, const std::filesystem::path& repository);

/// The whole command: 0 written, 2 refused or failed (the message says why).
int run_assign(const AssignOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
