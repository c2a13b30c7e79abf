// `racelab list`: the course's exercises, their judges and points, as a table.
#include "commands/commands.hpp"
#include "kit/course_list.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_list_command(CLI::App& app) {
  auto options = std::make_shared<ListOptions>();
  auto* cmd = app.add_subcommand("list", "List the course's exercises: folder, judges, points per judge, total, label");
  cmd->add_option("--course", options->course,
                  "The course file (default lab/course.toml, found upward from here or in the build's sources)");
  cmd->add_option("--build", options->build,
                  "A build folder: take folders and judges from its racelab-exercises.json (default: exercises/)");
  cmd->footer("Exit status: 0 listed, 2 the course file or the build could not be read.");
  return {cmd, [options](std::ostream& out, std::ostream& err) { return run_list(*options, out, err); }};
}

}  // namespace racelab::lab
