#include "commands/commands.hpp"
#include "commands/number_checks.hpp"
#include "grade/stress.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_stress_command(CLI::App& app) {
  auto stress = std::make_shared<StressOptions>();
  auto workspace = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "stress", "Run one exercise's judges many times, each run with its own seed, and count how often each passed");
  cmd->add_option("-n,--runs", stress->runs, "How many runs of each judge (default 10)")->check(whole_number(1, 100000));
  cmd->add_option("--exercise", stress->exercise, "The exercise")->required()->check(whole_number(1, 99));
  cmd->add_option("--seed", stress->first_seed, "The seed of the first run; run i uses seed+i-1 (default 1)");
  cmd->add_option("--judge", stress->judges, "Only this judge (repeatable): functional, tsan, static or perf")
      ->check(CLI::IsMember({"functional", "tsan", "static", "perf"}));
  auto* build_option = cmd->add_option("--build", stress->build, "Build folder (default build/default)");
  cmd->add_option("workspace", *workspace,
                  "A student's folder laid out like exercises/ (or holding exercises/): configures a build for it "
                  "in build/stress, or --build");
  cmd->footer(
      "Each run replays one seed of the graders' random pauses (racelab judge … --seed N); a judge that fails\n"
      "names its seeds, and the command that replays one. The static judge reads the code: it runs once.\n"
      "The perf judge runs only when named with --judge.\n"
      "Exit status: 0 every run of every judge passed, 1 some run failed, 2 stress could not run.");
  return {cmd, [stress, workspace, build_option](std::ostream& out, std::ostream& err) {
            if (!workspace->empty()) stress->workspace = *workspace;
            stress->build_given = build_option->count() > 0;
            return run_stress(*stress, out, err);
          }};
}

}  // namespace racelab::lab
