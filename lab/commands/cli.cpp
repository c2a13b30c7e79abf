#include "commands/cli.hpp"

#include "commands/commands.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>
#include <ostream>

#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0.0.0"
#endif

namespace racelab::lab {

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"racelab: the concurrency lab kit's command line (judges, grading, course, perf harness)",
               "racelab"};
  app.set_version_flag("--version", std::string("racelab ") + RACELAB_VERSION);
  app.require_subcommand(1);
  app.footer("Exit status: 0 success, 1 a judge, check or grade failed, 2 the command could not run.");

  const Command commands[] = {add_list_command(app),   add_judge_command(app), add_grade_command(app),
                              add_assign_command(app), add_verify_command(app), add_bench_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e, out, err);
    return status == 0 ? 0 : 2;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run(out, err);
  }
  return 2;
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<const char*> argv{"racelab"};
  for (const auto& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);
  return run_cli(static_cast<int>(argv.size() - 1), argv.data(), out, err);
}

}  // namespace racelab::lab
