#pragma once
/// \file
/// Repeating a judged program with different seeds, within the judge's time.
///
/// The graders' hooks pause threads at random where a test forces no schedule
/// (tests/util/hooks), seeded by RACELAB_SEED. A wrong program that only some
/// pauses expose fails some runs and passes others; so the functional and
/// TSan judges run the grader several times, each with its own seed, and fail
/// on the first bad run, naming its seed so that the student can replay it
/// (`racelab judge … --seed N`). The seeds are the same on every judge run
/// (1, 2, 3…): the same code meets the same pauses, whoever grades it.

#include "judge/judge.hpp"
#include "sandbox/process.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace racelab::lab {

/// The environment variable the graders read their seed from.
inline constexpr const char* seed_variable = "RACELAB_SEED";

/// The seeds one judge run tries, in order: `--seed N` alone (a replay), else 1 … runs.
struct SeedPlan {
  std::vector<std::uint64_t> seeds;
  bool replay = false;  ///< one seed, given by the student
};

SeedPlan seed_plan(const JudgeOptions& options);

/// How many runs a judge makes by default (`racelab judge` without --runs): the
/// functional and TSan judges repeat, the others run once.
int default_runs(Judge judge);

/// Whether another run fits in the judge's time: runs go on while the time
/// spent so far plus the longest run yet stays within `budget`. The first run
/// always fits; a hang in any run still ends at the program's own time limit.
class RunBudget {
 public:
  explicit RunBudget(std::chrono::milliseconds budget) : budget_(budget) {}
  [[nodiscard]] bool another_fits() const { return runs_ == 0 || spent_ + longest_ <= budget_; }
  void ran(std::chrono::milliseconds took);
  [[nodiscard]] int runs() const { return runs_; }

 private:
  std::chrono::milliseconds budget_;
  std::chrono::milliseconds spent_{0};
  std::chrono::milliseconds longest_{0};
  int runs_ = 0;
};

/// The time budget of a judge's repeated runs: its time limit.
std::chrono::milliseconds run_budget(const JudgeOptions& options);

/// Gives the program its seed and takes away what would change its schedule:
/// RACELAB_SEED set, RACELAB_SCHEDULE removed (the graders' default, random pauses).
void give_seed(RunRequest& request, std::uint64_t seed);

/// "This was run 2 of up to 5 (seed 2); replay it alone with:\n  racelab judge … --seed 2\n";
/// nothing when the judge was asked for one run.
std::string failing_run_note(const JudgeOptions& options, std::uint64_t seed, int run, const SeedPlan& plan);

/// "note: all 5 runs passed (seeds 1 to 5)\n", the replayed seed's note, or nothing after one run.
std::string passing_runs_note(const SeedPlan& plan, int runs);

/// The command that replays one run of this judge with `seed`, shell-quoted.
std::string replay_command(const JudgeOptions& options, std::uint64_t seed);

}  // namespace racelab::lab
