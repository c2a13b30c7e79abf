#include "commands/cli.hpp"

#include "commands/commands.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>
#include <ostream>
#include <string>
#include <vector>

#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0.0.0"
#endif

namespace racelab::lab {

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

namespace {

/// "racelab 0.1.0 (built with Debian Clang 16.0.6)".
std::string version_text() {
  return std::string("racelab ") + RACELAB_VERSION + " (built with " + __VERSION__ + ")";
}

/// Why the command line was refused, in one line that names what was wrong.
/// CLI11 checks that a command is given before it looks at the words, so
/// `racelab --bogus` and `racelab frobnicate` would both read "A subcommand is
/// required": the words before the command are looked at here first.
std::string refusal(const CLI::App& app, const CLI::App* command, const CLI::ParseError& e, int argc,
                    const char* const* argv) {
  if (command == nullptr) {
    for (int i = 1; i < argc; ++i) {
      const std::string word = argv[i];
      if (word == "-h" || word == "--help" || word == "--version") continue;
      if (!word.empty() && word[0] == '-') return "unknown option '" + word + "'";
      std::string names;
      for (const auto* sub : app.get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
      return "unknown command '" + word + "' (the commands: " + names + ")";
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    // CLI11 hands a word a command does not take back to the app above it.
    auto extra = command != nullptr ? command->remaining() : std::vector<std::string>{};
    if (extra.empty()) extra = app.remaining();
    if (!extra.empty()) {
      const std::string& word = extra.front();
      return (!word.empty() && word[0] == '-' ? "unknown option '" : "unexpected argument '") + word + "'";
    }
  }
  std::string message = e.what();
  for (char& c : message) {
    if (c == '\n') c = ' ';
  }
  return message;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"racelab: the concurrency lab kit's command line (judges, grading, course, perf harness)",
               "racelab"};
  app.set_version_flag("--version", version_text());
  app.require_subcommand(1);
  app.footer("Exit status: 0 success, 1 a judge, check or grade failed, 2 the command could not run.");

  const Command commands[] = {add_list_command(app),   add_judge_command(app), add_grade_command(app),
                              add_assign_command(app), add_verify_command(app), add_bench_command(app),
                              add_stress_command(app)};
  for (const auto& command : commands) command.app->set_version_flag("--version", version_text());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help, --version
    const CLI::App* command = nullptr;
    for (const auto& c : commands) {
      if (c.app->parsed()) command = c.app;
    }
    const std::string who = command != nullptr ? "racelab " + command->get_name() : "racelab";
    err << who << ": error: " << refusal(app, command, e, argc, argv) << " (see " << who << " --help)\n";
    return 2;
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
