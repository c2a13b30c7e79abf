#pragma once
/// \file
/// The subcommands of `racelab`. Each lives in its own source file and adds
/// itself to the CLI11 app; `run_cli` calls the action of the one parsed.

#include <functional>
#include <iosfwd>

namespace CLI {
class App;
}

namespace racelab::lab {

/// What a subcommand does once its arguments are parsed; returns the exit status.
using CommandAction = std::function<int(std::ostream& out, std::ostream& err)>;

/// One subcommand: its CLI11 node and its action.
struct Command {
  CLI::App* app = nullptr;
  CommandAction run;
};

Command add_judge_command(CLI::App& app);   ///< judge (commands/judge.cpp)
Command add_grade_command(CLI::App& app);   ///< grade, grade --batch
Command add_list_command(CLI::App& app);    ///< list
Command add_assign_command(CLI::App& app);  ///< assign
Command add_verify_command(CLI::App& app);  ///< verify
Command add_bench_command(CLI::App& app);   ///< bench

/// True when colours may be used on stdout: a terminal, and NO_COLOR unset or empty.
bool stdout_wants_color();

}  // namespace racelab::lab
