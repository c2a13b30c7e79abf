#include "kit/student_readme.hpp"

#include "core/text.hpp"

#include <fstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// "Exercise 1 — The unsynchronized counter" → "The unsynchronized counter".
std::string exercise_title(const fs::path& readme) {
  std::ifstream in(readme);
  std::string line;
  std::getline(in, line);
  const auto dash = line.find("— ");
  if (dash != std::string::npos) return line.substr(dash + std::string("— ").size());
  return line.starts_with("# ") ? line.substr(2) : line;
}

/// The student README from lab/student/README.md.in: @EXERCISE_ROWS@,
/// @FIRST_NUMBER@, @FIRST_FOLDER@, @FIRST_SOURCE@.
}  // namespace

std::string student_readme(const fs::path& kit, const std::vector<KitExercise>& chosen) {
  std::string rows;
  for (const auto& exercise : chosen) {
    std::vector<std::string> sources;
    for (const auto& source : exercise.sources) sources.push_back("`" + source + "`");
    rows += "| " + std::to_string(exercise.number) + " | [" + exercise_title(kit / "exercises" / exercise.folder / "README.md") +
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
