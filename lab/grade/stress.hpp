#pragma once
/// \file
/// `racelab stress`: one exercise's judges run many times, each run with its
/// own seed of the graders' random pauses, and how often each judge passed.
///
/// It runs the judges exactly as ctest registered them (`ctest --show-only`),
/// each run replaying one seed (`racelab judge … --seed N`), so that a failing
/// seed it names can be replayed alone. The static judge reads the code, not
/// a run: it is run once.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

struct StressOptions {
  int exercise = 0;
  int runs = 10;
  std::uint64_t first_seed = 1;                    ///< run i replays seed first_seed + i - 1
  std::filesystem::path build = "build/default";   ///< the build whose ctest tests are run
  bool build_given = false;                        ///< --build was named
  std::optional<std::filesystem::path> workspace;  ///< configure a build for this workspace first
  std::vector<std::string> judges;                 ///< which judges; empty: functional, tsan and static
};

/// Exit status of `racelab stress`.
enum StressStatus : int { stress_all_passed = 0, stress_some_failed = 1, stress_error = 2 };

/// One judge's tally over the runs.
struct StressTally {
  std::string judge;
  int runs = 0;
  int passed = 0;
  int could_not_run = 0;                   ///< the judge itself could not run (exit 2, a crash, a hang)
  std::vector<std::uint64_t> failed_seeds;  ///< in order; seeded judges only
  bool seeded = true;                       ///< each run replays a seed (functional, tsan)
  bool once = false;                        ///< run once: the verdict comes from the code alone (static)
  std::string replay;                       ///< the command replaying the first failing seed
};

/// "  functional   0/50 passed   failing seeds: 1 2 3 …" lines for the tallies.
std::string render_tallies(int exercise, int runs, std::uint64_t first_seed, const std::vector<StressTally>& tallies);

/// The whole command; the table to `out`, progress and errors to `err`.
int run_stress(const StressOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
