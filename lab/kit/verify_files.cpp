// `racelab verify`'s checks that need no build: every exercise complete and
// registered, no stray file, solutions laid out like the student's folder,
// starters unlike every solution, a course table for each.

#include "kit/verify.hpp"

#include "core/course.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <regex>
#include <set>

namespace racelab::lab {

namespace fs = std::filesystem;

namespace {

std::string prefix(int exercise) { return "exercise " + std::to_string(exercise) + ": "; }

/// File names directly inside `folder` (sub-folders named with a trailing '/').
std::set<std::string> entries_of(const fs::path& folder) {
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    names.insert(entry.path().filename().string() + (entry.is_directory() ? "/" : ""));
  }
  return names;
}

bool has_hints_section(const fs::path& readme) {
  static const std::regex hints(R"((^|\n)#{2,3}[ \t]+[^\n]*[Hh]ints?\b)");
  return std::regex_search(read_text(readme), hints);
}

void check_workspace(const fs::path& kit, const KitExercise& exercise, std::vector<VerifyProblem>& problems) {
  const fs::path folder = kit / "exercises" / exercise.folder;
  const std::string shown = "exercises/" + exercise.folder;
  const int n = exercise.number;
  if (!fs::is_directory(folder)) {
    problems.push_back({n, prefix(n) + "no folder " + shown + " (named by " + exercise.file.string() + ")"});
    return;
  }
  if (!fs::is_regular_file(folder / "README.md")) {
    problems.push_back({n, prefix(n) + shown + "/README.md is missing: students need the task and its hints"});
  } else if (!has_hints_section(folder / "README.md")) {
    problems.push_back({n, prefix(n) + shown + "/README.md has no \"## Hints\" section; the judges point students there"});
  }
  std::set<std::string> expected{"README.md"};
  if (exercise.contract.empty()) {
    problems.push_back({n, prefix(n) + "its exercise.json names no contract header"});
  } else {
    expected.insert(exercise.contract);
  }
  for (const auto& source : exercise.sources) expected.insert(source);
  for (const auto& name : expected) {
    if (!fs::is_regular_file(folder / name)) problems.push_back({n, prefix(n) + shown + "/" + name + " is missing"});
  }
  for (const auto& name : entries_of(folder)) {
    if (!expected.contains(name)) {
      problems.push_back({n, prefix(n) + "stray file " + shown + "/" + name +
                                 ": a student folder holds only README.md, the contract header and the sources "
                                 "(remove it, or list it in \"sources\" in tests/exercises/" + exercise.folder + "/exercise.json)"});
    }
  }
}

void check_solutions(const fs::path& kit, const KitExercise& exercise, std::vector<VerifyProblem>& problems) {
  const fs::path folder = kit / "solutions" / exercise.folder;
  const std::string shown = "solutions/" + exercise.folder;
  const int n = exercise.number;
  if (exercise.solutions.empty()) problems.push_back({n, prefix(n) + "its exercise.json names no solutions"});
  if (!fs::is_regular_file(folder / "NOTES.md")) {
    problems.push_back({n, prefix(n) + shown + "/NOTES.md is missing: it explains each approach to instructors"});
  }
  const std::set<std::string> sources(exercise.sources.begin(), exercise.sources.end());
  std::set<std::string> approaches{"NOTES.md"};
  for (const auto& approach : exercise.solutions) {
    approaches.insert(approach + "/");
    const fs::path dir = folder / approach;
    if (!fs::is_directory(dir)) {
      problems.push_back({n, prefix(n) + "no solution folder " + shown + "/" + approach + " (listed in \"solutions\" in tests/exercises/" + exercise.folder + "/exercise.json)"});
      continue;
    }
    const auto files = entries_of(dir);
    for (const auto& source : sources) {
      if (!files.contains(source)) problems.push_back({n, prefix(n) + shown + "/" + approach + "/" + source + " is missing"});
    }
    for (const auto& file : files) {
      if (!sources.contains(file)) {
        problems.push_back({n, prefix(n) + "stray file " + shown + "/" + approach + "/" + file +
                                   ": a solution holds exactly the student's files (" +
                                   std::to_string(sources.size()) + ")"});
      }
    }
  }
  for (const auto& entry : entries_of(folder)) {
    if (!approaches.contains(entry)) {
      problems.push_back({n, prefix(n) + "stray " + shown + "/" + entry + ": not an approach listed in \"solutions\" in tests/exercises/" + exercise.folder + "/exercise.json"});
    }
  }
}

/// A starter identical to a solution would pass every judge: the exercise would teach nothing.
void check_starter_differs(const fs::path& kit, const KitExercise& exercise, std::vector<VerifyProblem>& problems) {
  const int n = exercise.number;
  for (const auto& approach : exercise.solutions) {
    bool identical = !exercise.sources.empty();
    for (const auto& source : exercise.sources) {
      const fs::path starter = kit / "exercises" / exercise.folder / source;
      const fs::path solution = kit / "solutions" / exercise.folder / approach / source;
      identical = identical && fs::is_regular_file(starter) && fs::is_regular_file(solution) &&
                  read_text(starter) == read_text(solution);
    }
    if (identical) {
      problems.push_back({n, prefix(n) + "the starter is the same as the solution '" + approach + "' (exercises/" +
                                 exercise.folder + "): it must fail as the exercise teaches"});
    }
  }
}

void check_course(const fs::path& kit, const std::vector<KitExercise>& exercises, std::vector<VerifyProblem>& problems) {
  try {
    const auto course = load_course(default_course_file(kit));
    for (const auto& exercise : exercises) {
      if (course.find(exercise.number) == nullptr) {
        problems.push_back({exercise.number, prefix(exercise.number) + "no [exercise." +
                                                 std::to_string(exercise.number) + "] table in lab/course.toml: it has no points"});
      }
    }
  } catch (const CourseError& e) {
    problems.push_back({0, "the course file: " + e.message});
  }
}

}  // namespace

std::vector<VerifyProblem> verify_files(const fs::path& kit, const std::vector<KitExercise>& exercises) {
  std::vector<VerifyProblem> problems;
  for (const auto& exercise : exercises) {
    check_workspace(kit, exercise, problems);
    check_solutions(kit, exercise, problems);
    check_starter_differs(kit, exercise, problems);
  }
  check_course(kit, exercises, problems);
  return problems;
}

/// Exercise folders nobody registered: they would never be graded.
void check_unregistered(const fs::path& kit, const std::vector<KitExercise>& exercises, std::vector<VerifyProblem>& problems) {
  static const std::regex folder_name(R"(([0-9][0-9])-.+/)");
  for (const auto& name : entries_of(kit / "exercises")) {
    std::smatch m;
    if (!std::regex_match(name, m, folder_name)) continue;
    const std::string folder = name.substr(0, name.size() - 1);
    const bool registered = std::any_of(exercises.begin(), exercises.end(), [&](const auto& e) { return e.folder == folder; });
    if (!registered) {
      problems.push_back({std::stoi(m[1]), prefix(std::stoi(m[1])) + "exercises/" + folder +
                                                " has no manifest tests/exercises/" + folder + "/exercise.json"});
    }
  }
}

}  // namespace racelab::lab
