#include "kit/student_readme.hpp"

#include "core/text.hpp"

namespace racelab::lab {

namespace fs = std::filesystem;

/// The student README from lab/student/README.md.in: @EXERCISE_ROWS@,
/// @FIRST_NUMBER@, @FIRST_FOLDER@, @FIRST_SOURCE@; titles from the manifests.
std::string student_readme(const fs::path& kit, const std::vector<KitExercise>& chosen) {
  std::string rows;
  for (const auto& exercise : chosen) {
    std::vector<std::string> sources;
    for (const auto& source : exercise.sources) sources.push_back("`" + source + "`");
    rows += "| " + std::to_string(exercise.number) + " | [" + exercise.title +
            "](exercises/" + exercise.folder + "/README.md) | " + join(sources, ", ") + " | `" + exercise.contract +
            "` | `ctest --test-dir build/default -L exercise" + std::to_string(exercise.number) + "` |\n";
  }
  if (!rows.empty()) rows.pop_back();
  std::string text = read_kit_file(kit / "lab/student/README.md.in");
  text = replace_all(text, "@EXERCISE_ROWS@", rows);
  text = replace_all(text, "@FIRST_NUMBER@", std::to_string(chosen.front().number));
  text = replace_all(text, "@FIRST_FOLDER@", chosen.front().folder);
  return replace_all(text, "@FIRST_SOURCE@", chosen.front().sources.front());
}

}  // namespace racelab::lab
