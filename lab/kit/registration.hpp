#pragma once
/// \file
/// The kit's exercises as tests/exercises/NN-name/CMakeLists.txt registers them
/// (their racelab_add_exercise calls).

#include "kit/kit_root.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

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

/// The value of `racelab_add_exercise(<number> <folder> KEYWORD value…)`'s keyword
/// arguments, read from a CMakeLists.txt text; throws KitError when there is no such call.
KitExercise parse_registration(const std::string& cmake_text, const std::filesystem::path& file);

/// Every exercise registered under <kit>/tests/exercises, by number.
std::vector<KitExercise> kit_exercises(const std::filesystem::path& kit);

}  // namespace racelab::lab
