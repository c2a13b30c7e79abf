// `racelab bench`: the perf sweep, its options and where its drivers come from.

#include "bench/harness/outputs.hpp"
#include "bench/harness/sweep.hpp"
#include "commands/commands.hpp"
#include "core/build_manifest.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>
#include <memory>

namespace racelab::lab {
namespace {

struct BenchCommandOptions {
  bench::BenchOptions run;
  std::string which = "reference";
  std::filesystem::path build;
  std::filesystem::path out = "bench-results";
  std::optional<int> reps, warmup;
};

/// The folder of the running executable: the tools and drivers are built side by side.
std::filesystem::path own_folder() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::current_path() : self.parent_path();
}

/// The students' perf drivers the build made, from its manifest (racelab-exercises.json).
std::vector<std::filesystem::path> student_drivers(const std::filesystem::path& build) {
  std::vector<std::filesystem::path> drivers;
  for (const auto& e : read_build_manifest(manifest_file(build)).exercises) {
    if (e.perf_driver.empty() || !e.graded) continue;
    if (!std::filesystem::exists(e.perf_driver)) {
      throw std::runtime_error(e.perf_driver + " is not built yet: run `cmake --build " + build.string() +
                               " --target exercise" + std::to_string(e.number) + "` first");
    }
    drivers.emplace_back(e.perf_driver);
  }
  if (drivers.empty()) throw std::runtime_error("the build in " + build.string() + " grades no perf exercise");
  return drivers;
}

/// Progress on stderr: a live counter on a terminal, otherwise one line per measurement.
bench::ProgressSink progress_sink(std::ostream& err) {
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
  return [&err, terminal](const std::string& line) {
    if (terminal) err << "\r\033[K" << line << std::flush;
    else err << line << "\n";
  };
}

int run_bench_command(BenchCommandOptions& o, std::ostream& out, std::ostream& err) {
  o.run.reference = o.which != "student";
  o.run.student = o.which != "reference";
  o.run.reps = o.reps.value_or(o.run.quick ? 3 : 5);
  o.run.warmup = o.warmup.value_or(1);
  if (o.build.empty()) o.build = own_folder().parent_path();
  if (o.run.reference_driver.empty()) o.run.reference_driver = own_folder() / "racelab-bench-reference";
  try {
    if (o.run.student) o.run.student_drivers = student_drivers(o.build);
    auto report = bench::run_bench(o.run, progress_sink(err));
    if (::isatty(STDERR_FILENO) == 1) err << "\n";
    bench::write_table(report, out);
    out << "Wrote:";
    for (const auto& file : bench::write_outputs(report, o.out)) out << " " << file.string();
    out << "\n";
    return 0;
  } catch (const ManifestError& e) {  // the build's manifest is missing or unreadable
    err << "racelab bench: " << e.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "racelab bench: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  auto o = std::make_shared<BenchCommandOptions>();
  auto* cmd = app.add_subcommand(
      "bench", "Measure the concurrency strategies: speed-up, efficiency and Amdahl's serial fraction per worker count");
  cmd->add_flag("--quick", o->run.quick, "A short sweep (well under a minute on 2 cores): fewer sizes and repetitions");
  cmd->add_option("--which", o->which,
                  "Whose strategies: the kit's reference ones, the student's (the built exercise6_perf and "
                  "exercise7_perf), or both side by side, measured interleaved")
      ->check(CLI::IsMember({"reference", "student", "both"}))
      ->capture_default_str();
  cmd->add_option("--workers", o->run.cpu_workers,
                  "Worker counts for the CPU-bound and counter workloads (default: 1, 2, 4 … up to the cores)")
      ->delimiter(',')
      ->check(CLI::PositiveNumber);
  cmd->add_option("--io-workers", o->run.io_workers,
                  "Worker counts for the I/O-bound tables (default: 1, 2, 4 … up to 4 × the cores, at most one "
                  "per table)")
      ->delimiter(',')
      ->check(CLI::PositiveNumber);
  cmd->add_option("--reps", o->reps, "Timed repetitions per point (default 5, 3 with --quick)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--warmup", o->warmup, "Untimed runs before each timed one (default 1)")->check(CLI::Range(0, 100));
  cmd->add_option("--budget", o->run.budget_seconds,
                  "Time budget in seconds: after the first round the run measures only as many repetitions as fit, "
                  "and says so (default: none)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--workloads", o->run.workloads, "Which workloads (default primes,tables,counter)")
      ->delimiter(',')
      ->check(CLI::IsMember({"primes", "tables", "counter"}));
  cmd->add_option("--noise", o->run.noise_threshold,
                  "Spread ((max − min) / median of a point's repetitions) above which it is marked NOISY")
      ->check(CLI::Range(0.01, 10.0))
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Folder for bench.json, bench.csv and the speedup-*.svg charts")
      ->capture_default_str();
  cmd->add_option("--build", o->build,
                  "Build folder whose manifest names the student's perf drivers (default: the one racelab was built in)");
  cmd->add_option("--reference-driver", o->run.reference_driver,
                  "The reference driver (default: racelab-bench-reference next to racelab)");
  cmd->footer(
      "Workloads: primes (CPU-bound: trial division of large numbers), tables (I/O-bound: each table waits\n"
      "20 ms; a small run, and 1000 tables whose sequential time is scaled from the small one), counter\n"
      "(a contended counter: mutex, atomic, queue-manager). Each point runs --warmup untimed and one timed\n"
      "repetition per round; rounds repeat --reps times, student and reference alternating, so load on the\n"
      "machine hits both. Speed-up = reference sequential median / strategy median; efficiency = speed-up /\n"
      "workers; Amdahl's serial fraction f is fitted by least squares to 1/S(n) = f + (1 - f)/n.\n"
      "Examples: racelab bench --quick\n"
      "          racelab bench --which both --workers 1,2,4,8 --reps 7 --budget 600 --out results");
  return {cmd, [o](std::ostream& out, std::ostream& err) { return run_bench_command(*o, out, err); }};
}

}  // namespace racelab::lab
