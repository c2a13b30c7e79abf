#include "grade/stress.hpp"

#include "core/ctest.hpp"
#include "core/text.hpp"
#include "grade/grade_error.hpp"
#include "grade/workspace.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// Judges whose runs depend on the schedule, and so take a seed.
bool seeded_judge(const std::string& judge) { return judge == "functional" || judge == "tsan"; }

/// Judges whose verdict comes from the code alone: one run says it all.
bool run_once(const std::string& judge) { return judge == "static"; }

/// A judge of the exercise as ctest runs it: exerciseN.<judge>.
struct JudgeTest {
  std::string judge;
  CtestTest test;
};

RunResult run_tool(std::vector<std::string> command, const fs::path& output, std::chrono::milliseconds limit) {
  RunRequest request;
  request.command = std::move(command);
  request.output_file = output;
  request.time_limit = limit;
  request.output_limit = 64u << 20;
  try {
    return run_process(request);
  } catch (const RunError& e) {
    throw GradeError{e.message};
  }
}

/// The build folder: --build, or one configured for --workspace.
fs::path prepare_build(const StressOptions& o, std::ostream& err) {
  fs::path build = fs::absolute(o.build).lexically_normal();
  if (o.workspace) {
    auto workspace = fs::absolute(*o.workspace).lexically_normal();
    if (!workspace.has_filename()) workspace = workspace.parent_path();
    if (!o.build_given) build = kit_root() / "build" / "stress";
    std::error_code ec;
    fs::create_directories(build / "stress", ec);
    configure_workspace_build(workspace, build, build / "stress", err);
  }
  std::error_code ec;
  if (!fs::is_directory(build, ec)) {
    throw GradeError{"no build folder " + build.string() +
                     ": configure and build first (cmake --preset default), or name it with --build"};
  }
  return build;
}

/// Builds the exercise through its ctest fixture, as `ctest -L exerciseN` does.
void build_exercise(const std::string& ctest, const fs::path& build, int exercise, std::ostream& err) {
  const std::string label = "exercise" + std::to_string(exercise);
  err << "racelab stress: building " << label << " in " << build.string() << "…\n" << std::flush;
  const fs::path log = build / "stress" / (label + "-build-output.txt");
  std::error_code ec;
  fs::create_directories(log.parent_path(), ec);
  const RunResult built = run_tool({ctest, "--test-dir", build.string(), "-R", "^" + label + "\\.build$",
                                    "--output-on-failure"},
                                   log, std::chrono::minutes(20));
  if (!built.exited_with(0)) {
    throw GradeError{label + " did not build (" + built.describe() + "); the build's output is in " + log.string()};
  }
}

/// The exercise's judges as ctest registered them, in the order asked for.
std::vector<JudgeTest> judge_tests(const std::string& ctest, const fs::path& build, const StressOptions& o) {
  const std::string label = "exercise" + std::to_string(o.exercise);
  TempDir dir("racelab-stress");
  const fs::path listing = dir.path() / "tests.json";
  const RunResult listed = run_tool({ctest, "--test-dir", build.string(), "--show-only=json-v1", "-L",
                                     "^" + label + "$"},
                                    listing, std::chrono::minutes(2));
  if (!listed.exited_with(0)) throw GradeError{"ctest could not list the tests (" + listed.describe() + ")"};
  std::vector<CtestTest> tests;
  try {
    tests = parse_ctest_listing(read_text(listing));
  } catch (const CtestError& e) {
    throw GradeError{e.message};
  }
  std::vector<JudgeTest> judges;
  for (auto& test : tests) {
    const std::string prefix = label + ".";
    if (test.name.rfind(prefix, 0) != 0 || test.name == label + ".build") continue;
    const std::string judge = test.name.substr(prefix.size());
    const bool wanted = o.judges.empty() ? judge != "perf"
                                         : std::find(o.judges.begin(), o.judges.end(), judge) != o.judges.end();
    if (wanted) judges.push_back({judge, std::move(test)});
  }
  if (judges.empty()) {
    throw GradeError{"the build " + build.string() + " has no " + (o.judges.empty() ? "" : "such ") + "judges for " +
                     label + " (see racelab list --build " + build.string() + ")"};
  }
  return judges;
}

/// The judge's command with `--seed N` before its `--`: one run, replaying that seed.
std::vector<std::string> with_seed(std::vector<std::string> command, std::uint64_t seed) {
  const auto separator = std::find(command.begin(), command.end(), "--");
  command.insert(separator, {"--seed", std::to_string(seed)});
  return command;
}

/// One run of one judge: 0 passed, 1 failed, anything else: it could not run.
int run_judge_once(const JudgeTest& j, const std::vector<std::string>& command, const fs::path& output) {
  RunRequest request;
  request.command = command;
  request.output_file = output;
  // ctest's own limit on the test; the judge limits the program inside it.
  request.time_limit = std::chrono::milliseconds(
      static_cast<long long>(std::llround((j.test.timeout_seconds > 0 ? j.test.timeout_seconds : 1500) * 1000)));
  request.output_limit = 64u << 20;
  for (const auto& variable : j.test.environment) {
    const auto equals = variable.find('=');
    if (equals != std::string::npos) request.set_env[variable.substr(0, equals)] = variable.substr(equals + 1);
  }
  // The judges write records only for racelab grade.
  request.unset_env = {"RACELAB_RESULTS_DIR", "RACELAB_SEED"};
  const RunResult ran = run_process(request);
  if (ran.timed_out || ran.signal || !ran.exit_code) return -1;
  return *ran.exit_code;
}

void tally(StressTally& t, int status, std::uint64_t seed, const std::vector<std::string>& command) {
  ++t.runs;
  if (status == 0) {
    ++t.passed;
  } else if (status == 1) {
    if (t.seeded) t.failed_seeds.push_back(seed);
    if (t.replay.empty()) t.replay = shell_line(command);
  } else {
    ++t.could_not_run;
  }
}

}  // namespace

std::string render_tallies(int exercise, int runs, std::uint64_t first_seed, const std::vector<StressTally>& tallies) {
  std::ostringstream out;
  out << "exercise " << exercise << ": " << runs << (runs == 1 ? " run" : " runs") << " of each judge, seeds "
      << first_seed << " to " << first_seed + static_cast<std::uint64_t>(runs) - 1 << "\n";
  for (const auto& t : tallies) {
    out << "  " << std::left << std::setw(11) << t.judge << std::right << std::setw(5)
        << (std::to_string(t.passed) + "/" + std::to_string(t.runs)) << " passed";
    if (t.once) out << "   (run once: it reads the code, whatever the schedule)";
    if (t.could_not_run > 0) out << "   " << t.could_not_run << " could not run";
    if (!t.failed_seeds.empty()) {
      out << "   failing seeds:";
      const std::size_t shown = std::min<std::size_t>(t.failed_seeds.size(), 20);
      for (std::size_t i = 0; i < shown; ++i) out << ' ' << t.failed_seeds[i];
      if (t.failed_seeds.size() > shown) out << " … (" << t.failed_seeds.size() - shown << " more)";
    }
    out << "\n";
  }
  for (const auto& t : tallies) {
    if (t.replay.empty()) continue;
    if (t.seeded) {
      out << "Replay the " << t.judge << " run with seed " << t.failed_seeds.front() << ":\n  " << t.replay << "\n";
    } else {
      out << "The " << t.judge << " judge's verdict, again:\n  " << t.replay << "\n";
    }
  }
  return out.str();
}

int run_stress(const StressOptions& o, std::ostream& out, std::ostream& err) {
  try {
    const fs::path build = prepare_build(o, err);
    const auto ctest = find_ctest(build);
    if (!ctest) throw GradeError{"ctest not found (neither next to the cmake that configured the build nor on PATH)"};
    build_exercise(*ctest, build, o.exercise, err);
    const auto judges = judge_tests(*ctest, build, o);
    std::vector<StressTally> tallies;
    for (const auto& j : judges) {
      tallies.push_back({j.judge, 0, 0, 0, {}, seeded_judge(j.judge), run_once(j.judge), {}});
    }
    TempDir dir("racelab-stress");
    for (int run = 1; run <= o.runs; ++run) {
      const std::uint64_t seed = o.first_seed + static_cast<std::uint64_t>(run) - 1;
      err << "racelab stress: run " << run << " of " << o.runs << " (seed " << seed << "):";
      for (std::size_t i = 0; i < judges.size(); ++i) {
        StressTally& t = tallies[i];
        if (t.once && run > 1) continue;
        const auto command = t.seeded ? with_seed(judges[i].test.command, seed) : judges[i].test.command;
        const int status = run_judge_once(judges[i], command, dir.path() / "output.txt");
        tally(t, status, seed, command);
        err << ' ' << t.judge << (status == 0 ? " passed" : status == 1 ? " FAILED" : " could not run");
      }
      err << '\n' << std::flush;
    }
    out << render_tallies(o.exercise, o.runs, o.first_seed, tallies);
    const bool all_passed = std::all_of(tallies.begin(), tallies.end(), [](const StressTally& t) {
      return t.passed == t.runs;
    });
    return all_passed ? stress_all_passed : stress_some_failed;
  } catch (const GradeError& e) {
    err << "racelab stress: " << e.message << '\n';
  } catch (const RunError& e) {
    err << "racelab stress: " << e.message << '\n';
  }
  return stress_error;
}

}  // namespace racelab::lab
