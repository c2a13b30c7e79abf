#include "commands/commands.hpp"
#include "commands/number_checks.hpp"
#include "kit/verify.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_verify_command(CLI::App& app) {
  auto options = std::make_shared<VerifyOptions>();
  auto* cmd = app.add_subcommand(
      "verify", "For instructors: check every exercise of the kit (files, manifests, starters fail, solutions pass)");
  cmd->add_option("--exercise", options->exercises, "Check only these exercises (repeat, or give several)")
      ->check(whole_number(1, 99));
  cmd->add_option("--build", options->build, "The self-test build folder (default build/verify)");
  cmd->add_flag("--static-only", options->static_only,
                "Check files and manifests only: no build, no judge run (seconds instead of minutes)");
  cmd->add_option("--submission", options->submission,
                  "Instead: compare a student repository's protected files with this kit's (exit 1 when edited)");
  cmd->add_option("--kit", options->kit, "The kit to check (default: the kit above the current folder)");
  cmd->footer(
      "Example: racelab verify --exercise 1 --exercise 3\n"
      "Exit status: 0 all good, 1 problems found (each names its exercise), 2 the check could not run.");
  return {cmd, [options](std::ostream& out, std::ostream& err) { return run_verify(*options, out, err); }};
}

}  // namespace racelab::lab
