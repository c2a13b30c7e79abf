#pragma once
/// \file
/// The student repository made from a choice of the kit's exercises: what is
/// copied, what is generated, what is protected by the integrity record.

#include "core/integrity.hpp"
#include "kit/registration.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

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

/// The protected files of a student repository (made by assign) that differ
/// from what assign would write from `kit` now, for the exercises the
/// repository holds: the instructor's pristine copy, whatever record the
/// repository carries (when `kit` is itself a student repository, its own
/// record is the pristine one). Empty for a folder without exercises/.
std::vector<EditedFile> edited_protected_files(const std::filesystem::path& kit, const std::filesystem::path& repository);

}  // namespace racelab::lab
