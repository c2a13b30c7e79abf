#include "racelab/lab/commands.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace racelab::lab {

// Placeholder until the command lands.
Command add_bench_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("bench", "(not available yet)");
  return {cmd, [](std::ostream&, std::ostream& err) {
            err << "racelab bench: not available yet\n";
            return 2;
          }};
}

}  // namespace racelab::lab
