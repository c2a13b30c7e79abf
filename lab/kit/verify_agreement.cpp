// `racelab verify`: what the exercise's README and the course file say must
// agree with its manifest (tests/exercises/NN-name/exercise.json), which is
// what CMake registers: a judge table naming a judge the exercise does not
// have, a hint count that changed, perf thresholds for strategies it does not
// register would each mislead a student or an instructor.

#include "kit/verify.hpp"

#include "core/course.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

namespace racelab::lab {

namespace fs = std::filesystem;

namespace {

std::string prefix(int exercise) { return "exercise " + std::to_string(exercise) + ": "; }

/// "tests/exercises/01-counter/exercise.json (hints: 5)": the manifest's field, as a reader finds it.
std::string manifest_field(const KitExercise& e, const std::string& field, const std::string& value) {
  return "tests/exercises/" + e.folder + "/exercise.json (" + field + ": " + value + ")";
}

std::string judge_list(const std::set<std::string>& judges) {
  return judges.empty() ? "none" : join(std::vector<std::string>(judges.begin(), judges.end()), ", ");
}

/// The judges named by the README's test table: rows "| `exerciseN.<judge>` | …".
std::set<std::string> readme_judges(const std::string& readme, int number) {
  const std::regex row("^\\|[ \\t]*`exercise" + std::to_string(number) + "\\.([a-z]+)`[ \\t]*\\|");
  std::set<std::string> judges;
  std::istringstream lines(readme);
  std::string line;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, m, row)) judges.insert(m[1]);
  }
  return judges;
}

/// The numbered items of the README's "## Hints" section ("1. **A nudge.** …").
int readme_hints(const std::string& readme) {
  std::istringstream lines(readme);
  std::string line;
  bool inside = false;
  int hints = 0;
  static const std::regex item("^[0-9]+\\.[ \\t]");
  while (std::getline(lines, line)) {
    if (line.starts_with("## ")) inside = line.find("Hint") != std::string::npos;
    else if (inside && std::regex_search(line, item)) ++hints;
  }
  return hints;
}

void check_readme(const fs::path& kit, const KitExercise& e, std::vector<VerifyProblem>& problems) {
  const fs::path path = kit / "exercises" / e.folder / "README.md";
  if (!fs::is_regular_file(path)) return;  // check_workspace reports it
  const std::string readme = read_text(path);
  const std::string shown = "exercises/" + e.folder + "/README.md";
  const int n = e.number;
  std::set<std::string> expected;
  for (const Judge judge : e.judges()) expected.insert(judge_id(judge));
  const auto listed = readme_judges(readme, n);
  if (listed != expected) {
    problems.push_back({n, prefix(n) + shown + "'s table of tests lists the judges " + judge_list(listed) +
                               ", but the exercise has " + judge_list(expected) + " (from " +
                               manifest_field(e, "perf", e.perf ? "given" : "absent") + ")"});
  }
  const std::string title = "# Exercise " + std::to_string(n) + " — " + e.title;
  if (readme.substr(0, readme.find('\n')) != title) {
    problems.push_back({n, prefix(n) + shown + " does not start with \"" + title + "\" (" +
                               manifest_field(e, "title", "\"" + e.title + "\"") + ")"});
  }
  const int hints = readme_hints(readme);
  if (hints != e.hints) {
    problems.push_back({n, prefix(n) + shown + "'s \"## Hints\" section numbers " + std::to_string(hints) +
                               " hints, but " + manifest_field(e, "hints", std::to_string(e.hints)) + " says otherwise"});
  }
}

/// The kit's README.md lists every exercise: "| 1 `01-counter` | <pitfall> | <judges the starter fails> |".
void check_kit_readme(const fs::path& kit, const KitExercise& e, std::vector<VerifyProblem>& problems) {
  if (!fs::is_regular_file(kit / "README.md")) return;  // a student repository has its own
  const int n = e.number;
  const std::string start = "| " + std::to_string(n) + " `" + e.folder + "` | ";
  std::vector<std::string> fails;
  for (const auto& [judge, pattern] : e.starter_fails) fails.push_back(judge_id(judge));
  const std::string row = start + e.pitfall + " | " + join(fails, ", ") + " |";
  std::istringstream lines(read_text(kit / "README.md"));
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with(start)) continue;
    if (line != row) {
      problems.push_back({n, prefix(n) + "README.md's row of the exercise is not \"" + row + "\" (" +
                                 manifest_field(e, "pitfall, starter.fails", "the pitfall and the judges it fails") + ")"});
    }
    return;
  }
  problems.push_back({n, prefix(n) + "README.md's table of exercises has no row \"" + row + "\""});
}

/// Each strategy the manifest names must be one its adapter registers (RACELAB_BENCH_STRATEGY(…, "<name>", …)):
/// the course's thresholds and the perf judge look for it by that name.
void check_perf_adapter(const fs::path& kit, const KitExercise& e, std::vector<VerifyProblem>& problems) {
  if (!e.perf) return;
  const int n = e.number;
  const std::string shown = "tests/exercises/" + e.folder + "/" + e.perf->adapter;
  const fs::path adapter = kit / shown;
  if (!fs::is_regular_file(adapter)) {
    problems.push_back({n, prefix(n) + "no perf adapter " + shown + " (" + manifest_field(e, "perf.adapter", e.perf->adapter) + ")"});
    return;
  }
  const std::string text = read_text(adapter);
  for (const auto& strategy : e.perf->strategies) {
    if (text.find("\"" + strategy + "\"") == std::string::npos) {
      problems.push_back({n, prefix(n) + shown + " registers no strategy \"" + strategy + "\" (" +
                                 manifest_field(e, "perf.strategies", judge_list({e.perf->strategies.begin(), e.perf->strategies.end()})) + ")"});
    }
  }
}

void check_course_entry(const Course& course, const KitExercise& e, std::vector<VerifyProblem>& problems) {
  const CourseExercise* c = course.find(e.number);
  if (c == nullptr) return;  // check_course reports it
  const int n = e.number;
  const std::string where = "lab/course.toml:" + std::to_string(c->line) + ": [exercise." + std::to_string(n) + "] ";
  const auto judges = e.judges();
  for (const auto& [judge, points] : c->points) {
    if (std::find(judges.begin(), judges.end(), judge) == judges.end()) {
      problems.push_back({n, prefix(n) + where + "gives points to the " + judge_id(judge) + " judge, which " +
                                 manifest_field(e, "perf", "absent") + " does not have"});
    }
  }
  std::set<std::string> registered;
  if (e.perf) registered.insert(e.perf->strategies.begin(), e.perf->strategies.end());
  std::set<std::string> thresholds;
  for (const auto& [strategy, ratio] : c->perf_min_ratio) thresholds.insert(strategy);
  if (registered != thresholds) {
    problems.push_back({n, prefix(n) + where + "sets perf thresholds for " + judge_list(thresholds) +
                               ", but the strategies are " + judge_list(registered) + " (" +
                               manifest_field(e, "perf.strategies", judge_list(registered)) + ")"});
  }
}

}  // namespace

void check_agreement(const fs::path& kit, const std::vector<KitExercise>& exercises, bool whole_kit,
                     std::vector<VerifyProblem>& problems) {
  for (const auto& exercise : exercises) {
    check_readme(kit, exercise, problems);
    check_perf_adapter(kit, exercise, problems);
    check_kit_readme(kit, exercise, problems);
  }
  try {
    const auto course = load_course(default_course_file(kit));
    for (const auto& exercise : exercises) check_course_entry(course, exercise, problems);
    if (!whole_kit) return;
    for (const auto& c : course.exercises) {
      const bool known = std::any_of(exercises.begin(), exercises.end(), [&](const auto& e) { return e.number == c.number; });
      if (!known) {
        problems.push_back({c.number, prefix(c.number) + "lab/course.toml:" + std::to_string(c.line) + ": [exercise." +
                                          std::to_string(c.number) + "] names an exercise with no manifest "
                                          "(no tests/exercises/NN-name/exercise.json with that number)"});
      }
    }
  } catch (const CourseError&) {
    // check_course reports a course file that cannot be read.
  }
}

}  // namespace racelab::lab
