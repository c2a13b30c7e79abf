#include "kit/student_repository.hpp"

#include "core/text.hpp"
#include "kit/presets.hpp"
#include "kit/student_readme.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace racelab::lab {

namespace fs = std::filesystem;

namespace {

std::string generic(const fs::path& path) { return path.generic_string(); }


/// True for files no repository should carry (editor backups, build output).
bool is_noise(const fs::path& relative) {
  for (const auto& part : relative) {
    const auto name = part.string();
    if (name == "build" || name == ".git" || name == ".DS_Store" || name.ends_with("~")) return true;
  }
  return false;
}

/// Every regular file under <kit>/<folder>, as kit-relative paths, sorted.
std::vector<std::string> files_under(const fs::path& kit, const std::string& folder) {
  std::vector<std::string> files;
  const fs::path root = kit / folder;
  if (!fs::is_directory(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const auto relative = fs::relative(entry.path(), kit);
    if (!is_noise(relative)) files.push_back(generic(relative));
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool starts_with_folder(const std::string& path, const std::string& folder) {
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

PlannedFile copied(const fs::path& kit, const std::string& path, int exercise = 0) {
  PlannedFile file{path, kit / path, std::nullopt, true, exercise, false};
  std::error_code ec;
  const auto permissions = fs::status(kit / path, ec).permissions();
  file.executable = !ec && (permissions & fs::perms::owner_exec) != fs::perms::none;
  return file;
}

PlannedFile generated(const std::string& path, std::string text, bool is_protected) {
  return PlannedFile{path, {}, std::move(text), is_protected, 0, false};
}

/// The kit's tools and build: everything a fresh machine needs to build and
/// grade, whichever exercises are chosen.
void plan_kit_side(const fs::path& kit, std::vector<PlannedFile>& plan) {
  plan.push_back(copied(kit, "CMakeLists.txt"));
  plan.push_back(generated("CMakePresets.json", student_presets(read_kit_file(kit / "CMakePresets.json")), true));
  for (const auto& path : files_under(kit, "cmake")) plan.push_back(copied(kit, path));
  // The checker's benchmark corpus is for the kit's developers only.
  for (const auto& path : files_under(kit, "checker")) {
    if (!starts_with_folder(path, "checker/bench")) plan.push_back(copied(kit, path));
  }
  // The instructor's notes (every README.md of lab/) and the student README's template stay behind.
  for (const auto& path : files_under(kit, "lab")) {
    const bool notes = fs::path(path).filename() == "README.md";
    if (path != "lab/course.toml" && !notes && !starts_with_folder(path, "lab/student")) {
      plan.push_back(copied(kit, path));
    }
  }
  plan.push_back(copied(kit, "ci/setup"));
  plan.push_back(copied(kit, "tests/CMakeLists.txt"));
  for (const auto& path : files_under(kit, "tests/util")) plan.push_back(copied(kit, path));
  plan.push_back(copied(kit, "tests/exercises/CMakeLists.txt"));
}

/// The exercise's graders (without the wrong fixes: they are answers in
/// disguise) and the student's folder.
void plan_exercise(const fs::path& kit, const KitExercise& exercise, std::vector<PlannedFile>& plan) {
  const std::string graders = "tests/exercises/" + exercise.folder;
  for (const auto& path : files_under(kit, graders)) {
    if (!starts_with_folder(path, graders + "/wrong-fixes")) plan.push_back(copied(kit, path, exercise.number));
  }
  const std::string workspace = "exercises/" + exercise.folder;
  for (const auto& path : files_under(kit, workspace)) {
    auto file = copied(kit, path, exercise.number);
    // The student edits the sources; the contract header is what the grader calls.
    file.is_protected = path == workspace + "/" + exercise.contract;
    plan.push_back(file);
  }
}
std::vector<int> unknown_numbers(const std::vector<int>& numbers, const std::map<int, KitExercise>& known) {
  std::vector<int> unknown;
  for (int number : numbers) {
    if (!known.contains(number)) unknown.push_back(number);
  }
  return unknown;
}

std::string known_list(const std::map<int, KitExercise>& known) {
  std::vector<std::string> names;
  for (const auto& [number, exercise] : known) names.push_back(std::to_string(number) + " (" + exercise.folder + ")");
  return join(names, ", ");
}

}  // namespace

std::string restrict_course(const std::string& course_text, const std::vector<int>& numbers) {
  static const std::regex table(R"(^\s*\[\[?\s*([^\]\s]+)\s*\]\]?.*)");
  static const std::regex exercise_table(R"(exercise\.([0-9]+)(\..*)?)");
  std::istringstream in(course_text);
  std::string text, line;
  bool keep = true;
  while (std::getline(in, line)) {
    std::smatch header, exercise;
    if (std::regex_match(line, header, table)) {
      const std::string name = header[1];
      keep = !std::regex_match(name, exercise, exercise_table) ||
             std::find(numbers.begin(), numbers.end(), std::stoi(exercise[1])) != numbers.end();
    }
    if (keep) text += line + "\n";
  }
  return text;
}

std::vector<PlannedFile> plan_student_repository(const fs::path& kit, const std::vector<int>& numbers) {
  std::map<int, KitExercise> known;
  for (auto& exercise : kit_exercises(kit)) known.emplace(exercise.number, std::move(exercise));
  if (const auto unknown = unknown_numbers(numbers, known); !unknown.empty()) {
    std::vector<std::string> names;
    for (int number : unknown) names.push_back(std::to_string(number));
    throw KitError{"no exercise " + join(names, ", ") + " in this kit; the exercises are: " + known_list(known)};
  }
  std::set<int> distinct(numbers.begin(), numbers.end());
  std::vector<KitExercise> chosen;
  for (int number : distinct) chosen.push_back(known.at(number));
  const std::vector<int> sorted(distinct.begin(), distinct.end());

  std::vector<PlannedFile> plan;
  plan_kit_side(kit, plan);
  for (const auto& exercise : chosen) plan_exercise(kit, exercise, plan);
  plan.push_back(generated("lab/course.toml", restrict_course(read_kit_file(kit / "lab/course.toml"), sorted), true));
  plan.push_back(generated(".github/workflows/racelab.yml", read_kit_file(kit / "ci/github/racelab.yml"), true));
  plan.push_back(generated(".gitlab-ci.yml", read_kit_file(kit / "ci/gitlab/.gitlab-ci.yml"), true));
  plan.push_back(generated("README.md", student_readme(kit, chosen), false));
  plan.push_back(generated(".gitignore", "/build/\n", false));
  std::sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return plan;
}

std::vector<IntegrityEntry> integrity_of(const std::vector<PlannedFile>& plan) {
  std::vector<IntegrityEntry> entries;
  for (const auto& file : plan) {
    if (!file.is_protected) continue;
    entries.push_back({file.path, file.text ? sha256_text(*file.text) : sha256_file(file.from), file.exercise});
  }
  return entries;
}

std::vector<EditedFile> edited_protected_files(const fs::path& kit, const fs::path& repository) {
  if (!fs::is_directory(repository / "exercises")) return {};
  // The kit may itself be a student repository, such as the Gradescope
  // autograder's source: its record is then the pristine one.
  if (const auto record = integrity_record(kit); fs::is_regular_file(record)) {
    return check_integrity(repository, read_integrity(record));
  }
  static const std::regex folder_name("([0-9][0-9])-.+");
  std::set<int> present;
  for (const auto& entry : fs::directory_iterator(repository / "exercises")) {
    std::smatch m;
    const auto name = entry.path().filename().string();
    if (entry.is_directory() && std::regex_match(name, m, folder_name)) present.insert(std::stoi(m[1]));
  }
  std::vector<int> numbers;
  for (const auto& exercise : kit_exercises(kit)) {
    if (present.contains(exercise.number)) numbers.push_back(exercise.number);
  }
  if (numbers.empty()) return {};
  return check_integrity(repository, integrity_of(plan_student_repository(kit, numbers)));
}

}  // namespace racelab::lab
