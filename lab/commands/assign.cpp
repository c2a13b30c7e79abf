#include "commands/commands.hpp"
#include "kit/assign.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_assign_command(CLI::App& app) {
  auto options = std::make_shared<AssignOptions>();
  auto* cmd = app.add_subcommand(
      "assign", "Make a student repository holding the chosen exercises' starters, graders and CI, never a solution");
  cmd->add_option("exercises", options->exercises, "Exercise numbers, e.g. 1 3")->required();
  cmd->add_option("--to", options->to, "A new or empty folder for the repository")->required();
  cmd->add_option("--kit", options->kit, "The kit to copy from (default: the kit above the current folder)");
  cmd->footer(
      "Example: racelab assign 1 3 --to ../concurrency-lab-2026\n"
      "Exit status: 0 written, 2 refused (the folder is not empty, an unknown exercise) or failed.");
  return {cmd, [options](std::ostream& out, std::ostream& err) { return run_assign(*options, out, err); }};
}

}  // namespace racelab::lab
