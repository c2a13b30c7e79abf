// `racelab verify`: the files checked (verify_files.cpp), then the self-test
// built and run, every failed expectation explained in a sentence; or, with
// --submission, a student repository's protected files compared with the kit's.

#include "kit/verify.hpp"

#include "core/ctest.hpp"
#include "core/judge.hpp"
#include "core/text.hpp"
#include "kit/student_repository.hpp"
#include "sandbox/process.hpp"

#include <algorithm>
#include <ostream>
#include <regex>
#include <sstream>

namespace racelab::lab {

namespace fs = std::filesystem;

namespace {

/// "the functional tests", "ThreadSanitizer", "racelab-check", "the perf judge".
std::string judge_words(const std::string& id) {
  const auto judge = judge_from_id(id);
  if (judge == Judge::functional) return "the functional tests";
  if (judge == Judge::tsan || judge == Judge::static_check) return judge_title(*judge);
  return "the " + id + " judge";
}

std::string join_numbers(const std::vector<int>& numbers, const std::string& separator) {
  std::vector<std::string> words;
  for (int number : numbers) words.push_back(std::to_string(number));
  return join(words, separator);
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

/// Configures and builds the self-test of `numbers` in `build`; false (and why, on `err`) when it cannot.
bool build_selftest(const fs::path& kit, const fs::path& build, const std::vector<int>& numbers, std::ostream& out,
                    std::ostream& err) {
  fs::create_directories(build);
  out << "racelab verify: building the self-test in " << build.string() << " (takes a while the first time)\n";
  out.flush();
  const auto configured = run_logged({"cmake", "-S", kit.string(), "--preset", "selftest", "-B", build.string()},
                                     build / "verify-configure.log", 10);
  if (!configured || !configured->exited_with(0)) {
    err << "racelab verify: configuring the self-test failed; see " << (build / "verify-configure.log").string() << "\n";
    return false;
  }
  std::vector<std::string> command{"cmake", "--build", build.string(), "-j2", "--target"};
  for (const auto& target : selftest_targets(build, numbers)) command.push_back(target);
  const auto built = run_logged(command, build / "verify-build.log", 60);
  if (!built || !built->exited_with(0)) {
    err << "racelab verify: building the self-test failed; see " << (build / "verify-build.log").string() << "\n";
    return false;
  }
  return true;
}

/// Runs every starter and solution expectation of `numbers` through ctest and adds a problem per
/// one that failed, read from ctest's JUnit file; false (and why, on `err`) when none ran.
bool run_selftest(const fs::path& build, const std::vector<int>& numbers, std::vector<VerifyProblem>& problems,
                  std::ostream& out, std::ostream& err) {
  out << "racelab verify: running every starter and solution through every judge\n";
  out.flush();
  const std::string regex = "^selftest\\.exercise(" + join_numbers(numbers, "|") + ")\\.(starter|solution)\\.";
  const fs::path log = build / "verify-ctest.log";
  const fs::path junit = build / "verify-junit.xml";
  std::error_code ec;
  fs::remove(junit, ec);
  const auto ran = run_logged({"ctest", "--test-dir", build.string(), "-L", "selftest", "-R", regex, "-j2",
                               "--output-on-failure", "--output-junit", junit.string()}, log, 120);
  std::vector<CtestCase> results;
  try {
    if (ran) results = read_ctest_junit(junit);
  } catch (const CtestError&) {
    results.clear();
  }
  if (results.empty()) {
    err << "racelab verify: ctest ran no self-test expectation; see " << log.string() << "\n";
    return false;
  }
  // By name, as a reader scans them.
  std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  const auto timed_out = timed_out_tests(read_text(log));
  static const std::regex number(R"(selftest\.exercise([0-9]+)\.)");
  for (const auto& test : results) {
    if (test.status == CtestCase::Status::passed) continue;
    const bool timeout = std::find(timed_out.begin(), timed_out.end(), test.name) != timed_out.end();
    const auto message = explain_expectation(test.name, test.output, timeout);
    std::smatch m;
    const int exercise = std::regex_search(test.name, m, number) ? std::stoi(m[1]) : 0;
    problems.push_back({exercise, message.empty() ? test.name + " failed" : message});
  }
  out << "racelab verify: " << results.size() << " self-test expectations run (ctest's output: " << log.string()
      << ")\n";
  return true;
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

/// The chosen exercises of the kit (every one when none is chosen).
std::vector<KitExercise> chosen_exercises(const fs::path& kit, const std::vector<int>& chosen) {
  std::vector<KitExercise> exercises;
  for (auto& exercise : kit_exercises(kit)) {
    if (chosen.empty() || std::find(chosen.begin(), chosen.end(), exercise.number) != chosen.end()) {
      exercises.push_back(std::move(exercise));
    }
  }
  return exercises;
}

}  // namespace

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
    return head + "passed " + judge + ", but the exercise says it must fail (starter.fails in its exercise.json)";
  }
  if (output.find("not for the expected reason") != std::string::npos) {
    return head + "failed " + judge + ", but not for the reason the exercise teaches (its output does not match "
                  "starter.fails in its exercise.json)";
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
    exercises = chosen_exercises(*kit, options.exercises);
  } catch (const KitError& e) {
    err << "racelab verify: " << e.message << "\n";
    return 2;
  }
  if (exercises.empty()) {
    err << "racelab verify: no such exercise in " << kit->string() << "\n";
    return 2;
  }
  auto problems = verify_files(*kit, exercises);
  check_agreement(*kit, exercises, options.exercises.empty(), problems);
  if (options.exercises.empty()) check_unregistered(*kit, exercises, problems);
  std::vector<int> numbers;
  for (const auto& exercise : exercises) numbers.push_back(exercise.number);
  out << "racelab verify: files and manifests of exercise" << (numbers.size() == 1 ? " " : "s ")
      << join_numbers(numbers, ", ") << ": " << (problems.empty() ? "ok" : std::to_string(problems.size()) + " problem(s)")
      << "\n";
  if (!options.static_only) {
    const fs::path build = options.build.empty() ? *kit / "build/verify" : fs::absolute(options.build);
    if (!build_selftest(*kit, build, numbers, out, err)) return 2;
    if (!run_selftest(build, numbers, problems, out, err)) return 2;
  }
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.exercise < b.exercise; });
  for (const auto& problem : problems) out << "  " << problem.message << "\n";
  out << (problems.empty() ? "racelab verify: all good\n" : "racelab verify: problems found\n");
  return problems.empty() ? 0 : 1;
}

}  // namespace racelab::lab
