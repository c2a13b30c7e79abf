#include "kit/verify.hpp"

#include "core/course.hpp"
#include "sandbox/process.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <regex>
#include <set>
#include <sstream>

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
    problems.push_back({n, prefix(n) + "no folder " + shown + " (registered in " + exercise.registration.string() + ")"});
    return;
  }
  if (!fs::is_regular_file(folder / "README.md")) {
    problems.push_back({n, prefix(n) + shown + "/README.md is missing: students need the task and its hints"});
  } else if (!has_hints_section(folder / "README.md")) {
    problems.push_back({n, prefix(n) + shown + "/README.md has no \"## Hints\" section; the judges point students there"});
  }
  std::set<std::string> expected{"README.md"};
  if (exercise.contract.empty()) {
    problems.push_back({n, prefix(n) + "its registration names no CONTRACT header"});
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
                                 "(remove it, or list it in SOURCES)"});
    }
  }
}

void check_solutions(const fs::path& kit, const KitExercise& exercise, std::vector<VerifyProblem>& problems) {
  const fs::path folder = kit / "solutions" / exercise.folder;
  const std::string shown = "solutions/" + exercise.folder;
  const int n = exercise.number;
  if (exercise.solutions.empty()) problems.push_back({n, prefix(n) + "its registration names no SOLUTIONS"});
  if (!fs::is_regular_file(folder / "NOTES.md")) {
    problems.push_back({n, prefix(n) + shown + "/NOTES.md is missing: it explains each approach to instructors"});
  }
  const std::set<std::string> sources(exercise.sources.begin(), exercise.sources.end());
  std::set<std::string> approaches{"NOTES.md"};
  for (const auto& approach : exercise.solutions) {
    approaches.insert(approach + "/");
    const fs::path dir = folder / approach;
    if (!fs::is_directory(dir)) {
      problems.push_back({n, prefix(n) + "no solution folder " + shown + "/" + approach});
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
      problems.push_back({n, prefix(n) + "stray " + shown + "/" + entry + ": not an approach listed in SOLUTIONS"});
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
                                                " has no registration in tests/exercises/" + folder + "/CMakeLists.txt"});
    }
  }
}

// ---- the self-test run ----------------------------------------------------

std::string judge_words(const std::string& judge) {
  if (judge == "functional") return "the functional tests";
  if (judge == "tsan") return "ThreadSanitizer";
  if (judge == "static") return "racelab-check";
  return "the " + judge + " judge";
}

std::string join_numbers(const std::vector<int>& numbers, const std::string& separator) {
  std::string text;
  for (int number : numbers) text += (text.empty() ? "" : separator) + std::to_string(number);
  return text;
}

/// Runs a command with its output in `log`; the result, or nullopt when it could not start.
std::optional<RunResult> run_logged(const std::vector<std::string>& command, const fs::path& log, int minutes) {
  RunRequest request;
  request.command = command;
  request.output_file = log;
  request.time_limit = std::chrono::minutes(minutes);
  request.output_limit = 256u << 20;
  try {
    return run_process(request);
  } catch (const RunError&) {
    return std::nullopt;
  }
}

/// The self-test targets of the chosen exercises (starters and solutions, not
/// the wrong fixes), as ninja lists them, plus the tools.
std::vector<std::string> selftest_targets(const fs::path& build, const std::vector<int>& numbers) {
  std::vector<std::string> targets{"racelab", "racelab-check"};
  const fs::path listing = build / "verify-targets.txt";
  if (!run_logged({"ninja", "-C", build.string(), "-t", "targets", "all"}, listing, 2)) return targets;
  std::istringstream lines(read_text(listing));
  std::string line;
  while (std::getline(lines, line)) {
    const auto name = line.substr(0, line.find(':'));
    for (int number : numbers) {
      const std::string own = "selftest_exercise" + std::to_string(number) + "_";
      if (name.starts_with(own) && !name.starts_with(own + "wrong_") && name.find('/') == std::string::npos) {
        targets.push_back(name);
      }
    }
  }
  return targets;
}

/// Test name → (passed, timed out), from ctest's progress lines.
std::map<std::string, std::pair<bool, bool>> ctest_results(const std::string& output) {
  static const std::regex line(R"(Test +#[0-9]+: (\S+) \.+\s*(\*+)?(Passed|Failed|Timeout|Not Run|Exception|\w+))");
  std::map<std::string, std::pair<bool, bool>> results;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it) {
    const std::string verdict = (*it)[3];
    results[(*it)[1]] = {verdict == "Passed", verdict == "Timeout"};
  }
  return results;
}

/// The output ctest printed for one failed test (with --output-on-failure),
/// between its progress line and the next one.
std::string output_of(const std::string& output, const std::string& test) {
  const auto start = output.find(": " + test + " ");
  if (start == std::string::npos) return {};
  const auto next = output.find("Test #", output.find('\n', start));
  return output.substr(start, next == std::string::npos ? std::string::npos : next - start);
}

/// `verify --submission DIR`: the protected files a student edited, one per line.
int report_edited_files(const fs::path& kit, const fs::path& submission, std::ostream& out, std::ostream& err) {
  if (!fs::is_directory(submission / "exercises")) {
    err << "racelab verify: " << submission.string() << " is not a student repository (no exercises/ folder)\n";
    return 2;
  }
  std::vector<EditedFile> edited;
  try {
    edited = edited_protected_files(kit, submission);
  } catch (const std::exception& e) {
    err << "racelab verify: " << e.what() << "\n";
    return 2;
  }
  for (const auto& file : edited) {
    out << "  " << file.path << ": " << file.what << " (it grades "
        << (file.exercise == 0 ? std::string("every exercise") : "exercise " + std::to_string(file.exercise)) << ")\n";
  }
  out << "racelab verify: " << (edited.empty() ? "no protected file edited in " : std::to_string(edited.size()) +
                                                 " protected file(s) edited in ")
      << submission.string() << "\n";
  return edited.empty() ? 0 : 1;
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

std::string explain_expectation(const std::string& test_name, const std::string& output, bool timed_out) {
  static const std::regex name(R"(selftest\.exercise([0-9]+)\.(starter|solution\.(.+))\.([a-z]+))");
  std::smatch m;
  if (!std::regex_match(test_name, m, name)) return {};
  const std::string n = m[1], judge = judge_words(m[4]);
  const bool starter = m[2] == "starter";
  const std::string who = starter ? "the starter" : "the solution '" + std::string(m[3]) + "'";
  const std::string head = "exercise " + n + ": " + who + " ";
  if (timed_out) return head + "ran past its time limit under " + judge + " (ctest stopped it)";
  if (output.find("should FAIL but passed") != std::string::npos) {
    return head + "passed " + judge + ", but the exercise says it must fail (STARTER_FAILS in its registration)";
  }
  if (output.find("not for the expected reason") != std::string::npos) {
    return head + "failed " + judge + ", but not for the reason the exercise teaches (its output does not match "
                  "STARTER_FAILS in its registration)";
  }
  if (starter) return head + "failed " + judge + ", but the exercise says it passes that judge";
  return head + "failed " + judge + "; every solution must pass every judge";
}

int run_verify(const VerifyOptions& options, std::ostream& out, std::ostream& err) {
  const auto kit = options.kit.empty() ? find_kit_root() : std::optional<fs::path>(fs::absolute(options.kit));
  if (!kit) {
    err << "racelab verify: run it inside the racelab kit (no lab/course.toml and cmake/ above the current folder)\n";
    return 2;
  }
  if (!options.submission.empty()) return report_edited_files(*kit, options.submission, out, err);
  std::vector<KitExercise> exercises;
  try {
    for (auto& exercise : kit_exercises(*kit)) {
      const bool chosen = options.exercises.empty() ||
                          std::find(options.exercises.begin(), options.exercises.end(), exercise.number) != options.exercises.end();
      if (chosen) exercises.push_back(std::move(exercise));
    }
  } catch (const KitError& e) {
    err << "racelab verify: " << e.message << "\n";
    return 2;
  }
  if (exercises.empty()) {
    err << "racelab verify: no such exercise in " << kit->string() << "\n";
    return 2;
  }
  auto problems = verify_files(*kit, exercises);
  if (options.exercises.empty()) check_unregistered(*kit, exercises, problems);
  std::vector<int> numbers;
  for (const auto& exercise : exercises) numbers.push_back(exercise.number);
  out << "racelab verify: files and registrations of exercise" << (numbers.size() == 1 ? " " : "s ")
      << join_numbers(numbers, ", ") << ": " << (problems.empty() ? "ok" : std::to_string(problems.size()) + " problem(s)")
      << "\n";

  if (!options.static_only) {
    const fs::path build = options.build.empty() ? *kit / "build/verify" : fs::absolute(options.build);
    fs::create_directories(build);
    out << "racelab verify: building the self-test in " << build.string() << " (takes a while the first time)\n";
    out.flush();
    const auto configured = run_logged({"cmake", "-S", kit->string(), "--preset", "selftest", "-B", build.string()},
                                       build / "verify-configure.log", 10);
    if (!configured || !configured->exited_with(0)) {
      err << "racelab verify: configuring the self-test failed; see " << (build / "verify-configure.log").string() << "\n";
      return 2;
    }
    std::vector<std::string> command{"cmake", "--build", build.string(), "-j2", "--target"};
    for (const auto& target : selftest_targets(build, numbers)) command.push_back(target);
    const auto built = run_logged(command, build / "verify-build.log", 60);
    if (!built || !built->exited_with(0)) {
      err << "racelab verify: building the self-test failed; see " << (build / "verify-build.log").string() << "\n";
      return 2;
    }
    out << "racelab verify: running every starter and solution through every judge\n";
    out.flush();
    const std::string regex = "^selftest\\.exercise(" + join_numbers(numbers, "|") + ")\\.(starter|solution)\\.";
    const fs::path log = build / "verify-ctest.log";
    const auto ran = run_logged({"ctest", "--test-dir", build.string(), "-L", "selftest", "-R", regex, "-j2",
                                 "--output-on-failure"}, log, 120);
    const std::string output = read_text(log);
    const auto results = ctest_results(output);
    if (!ran || results.empty()) {
      err << "racelab verify: ctest ran no self-test expectation; see " << log.string() << "\n";
      return 2;
    }
    for (const auto& [test, verdict] : results) {
      if (verdict.first) continue;
      const auto message = explain_expectation(test, output_of(output, test), verdict.second);
      std::smatch m;
      static const std::regex number(R"(selftest\.exercise([0-9]+)\.)");
      const int exercise = std::regex_search(test, m, number) ? std::stoi(m[1]) : 0;
      problems.push_back({exercise, message.empty() ? test + " failed" : message});
    }
    out << "racelab verify: " << results.size() << " self-test expectations run (ctest's output: " << log.string() << ")\n";
  }

  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.exercise < b.exercise; });
  for (const auto& problem : problems) out << "  " << problem.message << "\n";
  out << (problems.empty() ? "racelab verify: all good\n" : "racelab verify: problems found\n");
  return problems.empty() ? 0 : 1;
}

}  // namespace racelab::lab
