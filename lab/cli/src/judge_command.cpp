#include "racelab/lab/commands.hpp"
#include "racelab/lab/judge.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_judge_command(CLI::App& app) {
  auto judge = std::make_shared<JudgeOptions>();
  auto kind = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "judge", "Run one judge of one exercise and print a verdict a student can read (used by ctest)");
  cmd->add_option("kind", *kind, "Which judge: functional, tsan, static or perf")
      ->required()
      ->check(CLI::IsMember({"functional", "tsan", "static", "perf"}));
  cmd->add_option("--exercise", judge->exercise, "Exercise number, for the headline")->required();
  cmd->add_option("--readme", judge->readme, "The exercise's README.md, named in 'What to do'");
  cmd->add_option("--sources", judge->sources,
                  "Folder of the student's files: TSan frames inside it are shown, relative to it");
  cmd->add_option("--timeout", judge->timeout_seconds, "Wall-clock limit in seconds (default 60)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--course", judge->course, "The course file (perf thresholds, limits); default lab/course.toml");
  cmd->add_option("--reference", judge->reference,
                  "perf: the reference strategies' driver, measured in the same run");
  cmd->add_option("command", judge->command, "After --: the program to judge and its arguments")->required();
  cmd->footer(
      "Example: racelab judge tsan --exercise 1 --readme exercises/01-counter/README.md \\\n"
      "           --sources exercises/01-counter --timeout 120 -- build/bin/exercise1_tsan\n"
      "Exit status: 0 passed, 1 failed, 2 the judge could not run.");
  return {cmd, [judge, kind](std::ostream& out, std::ostream&) {
            judge->kind = parse_judge_kind(*kind);
            return run_judge(*judge, out);
          }};
}

}  // namespace racelab::lab
