#include "kit/assign.hpp"

#include "core/integrity.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <regex>
#include <set>
#include <sstream>

namespace racelab::lab {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw KitError{"cannot read " + file.string()};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string generic(const fs::path& path) { return path.generic_string(); }

// ---- reading a racelab_add_exercise call -------------------------------

/// The text between `racelab_add_exercise(` and its closing parenthesis,
/// comments removed (CMake comments run from # to the end of the line).
std::optional<std::string> call_arguments(const std::string& text, const std::string& function) {
  const std::regex opening("(^|\\n)[ \\t]*" + function + "[ \\t]*\\(");
  std::smatch match;
  if (!std::regex_search(text, match, opening)) return std::nullopt;
  std::string arguments;
  bool quoted = false;
  for (std::size_t i = match.position(0) + match.length(0); i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 1 < text.size()) {
        arguments += c;
        arguments += text[++i];
        continue;
      }
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      arguments += '\n';
      continue;
    } else if (c == ')') {
      return arguments;
    }
    arguments += c;
  }
  return std::nullopt;
}

/// CMake's arguments: whitespace-separated, "quoted" ones kept whole (quotes removed).
std::vector<std::string> split_arguments(const std::string& arguments) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, in_word = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const char c = arguments[i];
    if (quoted) {
      if (c == '\\' && i + 1 < arguments.size()) word += arguments[++i];
      else if (c == '"') quoted = false;
      else word += c;
    } else if (c == '"') {
      quoted = in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

bool is_keyword(const std::string& word) {
  static const std::regex keyword("[A-Z][A-Z_]+");
  return std::regex_match(word, keyword);
}

// ---- choosing the files -------------------------------------------------

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
  plan.push_back(generated("CMakePresets.json", student_presets(read_text(kit / "CMakePresets.json")), true));
  for (const auto& path : files_under(kit, "cmake")) plan.push_back(copied(kit, path));
  // The checker's benchmark corpus is for the kit's developers only.
  for (const auto& path : files_under(kit, "checker")) {
    if (!starts_with_folder(path, "checker/bench")) plan.push_back(copied(kit, path));
  }
  // The instructor's notes and the student README's template stay behind.
  for (const auto& path : files_under(kit, "lab")) {
    if (path != "lab/course.toml" && path != "lab/README.md" && !starts_with_folder(path, "lab/student")) {
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

/// "Exercise 1 — The unsynchronized counter" → "The unsynchronized counter".
std::string exercise_title(const fs::path& readme) {
  std::ifstream in(readme);
  std::string line;
  std::getline(in, line);
  const auto dash = line.find("— ");
  if (dash != std::string::npos) return line.substr(dash + std::string("— ").size());
  return line.starts_with("# ") ? line.substr(2) : line;
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

/// The student README from lab/student/README.md.in: @EXERCISE_ROWS@,
/// @FIRST_NUMBER@, @FIRST_FOLDER@, @FIRST_SOURCE@.
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
  std::string text = read_text(kit / "lab/student/README.md.in");
  text = replace_all(text, "@EXERCISE_ROWS@", rows);
  text = replace_all(text, "@FIRST_NUMBER@", std::to_string(chosen.front().number));
  text = replace_all(text, "@FIRST_FOLDER@", chosen.front().folder);
  return replace_all(text, "@FIRST_SOURCE@", chosen.front().sources.front());
}

// ---- presets --------------------------------------------------------------

/// A preset that needs the self-test (solutions/), directly or through another.
bool needs_selftest(const json::object& preset) {
  for (const char* key : {"name", "configurePreset", "inherits"}) {
    if (const auto* value = preset.if_contains(key); value && value->is_string() && value->as_string() == "selftest") {
      return true;
    }
  }
  if (const auto* steps = preset.if_contains("steps"); steps && steps->is_array()) {
    for (const auto& step : steps->as_array()) {
      if (step.is_object() && needs_selftest(step.as_object())) return true;
    }
  }
  return false;
}

/// JSON with two-space indentation, one member per line: how CMakePresets.json is read by people.
void pretty(std::ostream& out, const json::value& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
  if (const auto* object = value.if_object(); object && !object->empty()) {
    out << "{\n";
    std::size_t i = 0;
    for (const auto& member : *object) {
      out << inner << json::serialize(json::value(member.key())) << ": ";
      pretty(out, member.value(), indent + 1);
      out << (++i < object->size() ? ",\n" : "\n");
    }
    out << pad << "}";
  } else if (const auto* array = value.if_array(); array && !array->empty()) {
    out << "[\n";
    for (std::size_t i = 0; i < array->size(); ++i) {
      out << inner;
      pretty(out, (*array)[i], indent + 1);
      out << (i + 1 < array->size() ? ",\n" : "\n");
    }
    out << pad << "]";
  } else {
    out << json::serialize(value);
  }
}

// ---- writing --------------------------------------------------------------

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

void write_planned(const fs::path& root, const PlannedFile& file) {
  const fs::path target = root / file.path;
  fs::create_directories(target.parent_path());
  if (file.text) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << *file.text;
    if (!out) throw KitError{"cannot write " + target.string()};
  } else {
    fs::copy_file(file.from, target, fs::copy_options::overwrite_existing);
  }
  if (file.executable) {
    fs::permissions(target, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
  }
}

/// Refuses a folder that exists with something in it: nothing of a student's may be overwritten.
std::optional<std::string> unusable_target(const fs::path& to) {
  std::error_code ec;
  if (!fs::exists(to, ec)) return std::nullopt;
  if (!fs::is_directory(to, ec)) return to.string() + " exists and is not a folder";
  if (!fs::is_empty(to, ec)) return to.string() + " is not empty; give a new or empty folder";
  return std::nullopt;
}

void print_next_steps(std::ostream& out, const fs::path& to, const std::vector<KitExercise>& chosen, std::size_t files) {
  out << "racelab assign: wrote " << files << " files to " << to.string() << " for exercise"
      << (chosen.size() == 1 ? " " : "s ");
  std::vector<std::string> names;
  for (const auto& exercise : chosen) names.push_back(std::to_string(exercise.number) + " (" + exercise.folder + ")");
  out << join(names, ", ") << "\n"
      << "  README.md                    what students run and how they are graded\n"
      << "  exercises/                   the starters students edit\n"
      << "  tests/exercises/             the graders (protected)\n"
      << "  lab/course.toml              points for these exercises only (protected)\n"
      << "  .github/workflows/racelab.yml, .gitlab-ci.yml   CI that grades every push\n"
      << "  .racelab/integrity.json      hashes of the protected files\n"
      << "No solution is included.\n\n"
      << "Next steps:\n"
      << "  1. keep a copy of .racelab/integrity.json outside the repository: it is the trusted record\n"
      << "     (racelab grade --batch checks submissions against this kit's files anyway)\n"
      << "  2. cd " << to.string() << " && git init && git add -A && git commit -m \"Starter code\"\n"
      << "  3. push it as the template repository of the assignment; CI grades every push\n";
}

}  // namespace

std::optional<fs::path> find_kit_root(const fs::path& start) {
  std::error_code ec;
  fs::path at = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  for (; !at.empty(); at = at.parent_path()) {
    if (fs::is_regular_file(at / "lab/course.toml", ec) && fs::is_regular_file(at / "cmake/RacelabExercise.cmake", ec)) {
      return at;
    }
    if (at == at.root_path()) break;
  }
  return std::nullopt;
}

KitExercise parse_registration(const std::string& cmake_text, const fs::path& file) {
  const auto arguments = call_arguments(cmake_text, "racelab_add_exercise");
  if (!arguments) throw KitError{file.string() + ": no racelab_add_exercise(...) call"};
  const auto words = split_arguments(*arguments);
  if (words.size() < 2) throw KitError{file.string() + ": racelab_add_exercise needs a number and a folder"};
  KitExercise exercise;
  try {
    exercise.number = std::stoi(words[0]);
  } catch (const std::exception&) {
    throw KitError{file.string() + ": racelab_add_exercise's first argument must be a number, not '" + words[0] + "'"};
  }
  exercise.folder = words[1];
  exercise.registration = file;
  std::map<std::string, std::vector<std::string>> values;
  std::string keyword;
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (is_keyword(words[i])) keyword = words[i];
    else if (!keyword.empty()) values[keyword].push_back(words[i]);
  }
  if (!values["CONTRACT"].empty()) exercise.contract = values["CONTRACT"].front();
  exercise.sources = values["SOURCES"];
  exercise.solutions = values["SOLUTIONS"];
  return exercise;
}

std::vector<KitExercise> kit_exercises(const fs::path& kit) {
  std::vector<KitExercise> exercises;
  const fs::path graders = kit / "tests/exercises";
  if (!fs::is_directory(graders)) throw KitError{"no tests/exercises folder in " + kit.string()};
  static const std::regex folder_name("[0-9][0-9]-.+");
  for (const auto& entry : fs::directory_iterator(graders)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory() || !std::regex_match(name, folder_name)) continue;
    const fs::path registration = entry.path() / "CMakeLists.txt";
    if (!fs::is_regular_file(registration)) continue;
    exercises.push_back(parse_registration(read_text(registration), registration));
  }
  std::sort(exercises.begin(), exercises.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  return exercises;
}

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

std::string student_presets(const std::string& presets_json) {
  json::value document = json::parse(presets_json);
  auto& root = document.as_object();
  for (auto& member : root) {
    if (!member.value().is_array()) continue;
    auto& presets = member.value().as_array();
    json::array kept;
    for (const auto& preset : presets) {
      if (!preset.is_object() || !needs_selftest(preset.as_object())) kept.push_back(preset);
    }
    presets = std::move(kept);
  }
  std::ostringstream out;
  pretty(out, document, 0);
  out << "\n";
  return out.str();
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
  plan.push_back(generated("lab/course.toml", restrict_course(read_text(kit / "lab/course.toml"), sorted), true));
  plan.push_back(generated(".github/workflows/racelab.yml", read_text(kit / "ci/github/racelab.yml"), true));
  plan.push_back(generated(".gitlab-ci.yml", read_text(kit / "ci/gitlab/.gitlab-ci.yml"), true));
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

int run_assign(const AssignOptions& options, std::ostream& out, std::ostream& err) {
  const auto kit = options.kit.empty() ? find_kit_root() : std::optional<fs::path>(options.kit);
  if (!kit) {
    err << "racelab assign: run it inside the racelab kit (no lab/course.toml and cmake/ above the current folder)\n";
    return 2;
  }
  if (const auto problem = unusable_target(options.to)) {
    err << "racelab assign: " << *problem << "\n";
    return 2;
  }
  try {
    // Everything is read and hashed before the first file is written: a
    // mistake leaves the target folder untouched.
    const auto plan = plan_student_repository(*kit, options.exercises);
    const auto entries = integrity_of(plan);
    for (const auto& file : plan) write_planned(options.to, file);
    write_integrity(integrity_record(options.to), entries);
    std::vector<KitExercise> chosen;
    for (const auto& exercise : kit_exercises(*kit)) {
      if (std::find(options.exercises.begin(), options.exercises.end(), exercise.number) != options.exercises.end()) {
        chosen.push_back(exercise);
      }
    }
    print_next_steps(out, options.to, chosen, plan.size() + 1);
    return 0;
  } catch (const KitError& e) {
    err << "racelab assign: " << e.message << "\n";
  } catch (const std::exception& e) {
    err << "racelab assign: " << e.what() << "\n";
  }
  return 2;
}

}  // namespace racelab::lab
