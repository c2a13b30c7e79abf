#include "racelab/lab/commands.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace racelab::lab {

// Placeholder until the command lands.
Command add_assign_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("assign", "(not available yet)");
  return {cmd, [](std::ostream&, std::ostream& err) {
            err << "racelab assign: not available yet\n";
            return 2;
          }};
}

}  // namespace racelab::lab
