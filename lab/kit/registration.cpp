#include "kit/registration.hpp"

#include <algorithm>
#include <regex>

namespace racelab::lab {

namespace fs = std::filesystem;

std::vector<KitExercise> kit_exercises(const fs::path& kit) {
  std::vector<KitExercise> exercises;
  const fs::path graders = kit / "tests/exercises";
  if (!fs::is_directory(graders)) throw KitError{"no tests/exercises folder in " + kit.string()};
  // The folders CMake registers (tests/exercises/CMakeLists.txt): NN-name.
  static const std::regex folder_name("[0-9][0-9]-.+");
  for (const auto& entry : fs::directory_iterator(graders)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory() || !std::regex_match(name, folder_name)) continue;
    try {
      exercises.push_back(load_exercise_manifest(entry.path() / "exercise.json"));
    } catch (const ManifestFieldError& e) {
      throw KitError{e.message};
    }
  }
  std::sort(exercises.begin(), exercises.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  for (std::size_t i = 1; i < exercises.size(); ++i) {
    if (exercises[i].number == exercises[i - 1].number) {
      throw KitError{exercises[i].file.string() + ": number: " + std::to_string(exercises[i].number) +
                     " is already the number of " + exercises[i - 1].folder};
    }
  }
  return exercises;
}

}  // namespace racelab::lab
