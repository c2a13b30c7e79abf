#include "commands/commands.hpp"
#include "commands/number_checks.hpp"
#include "core/course.hpp"
#include "core/judge.hpp"
#include "core/text.hpp"
#include "judge/judge.hpp"
#include "judge/seeded_runs.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>

namespace racelab::lab {

Command add_judge_command(CLI::App& app) {
  auto judge = std::make_shared<JudgeOptions>();
  auto kind = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "judge", "Run one judge of one exercise and print a verdict a student can read (used by ctest)");
  // Every judge but the build step, which is ctest's.
  std::vector<std::string> kinds;
  for (const Judge j : all_judges) {
    if (j != Judge::build) kinds.push_back(judge_id(j));
  }
  const std::string last = kinds.back();
  const std::string listed = join({kinds.begin(), kinds.end() - 1}, ", ") + " or " + last;
  cmd->add_option("kind", *kind, "Which judge: " + listed)->required()->check(CLI::IsMember(kinds));
  cmd->add_option("--exercise", judge->exercise, "Exercise number, for the headline")
      ->required()
      ->check(whole_number(1, 99));
  cmd->add_option("--readme", judge->readme, "The exercise's README.md, named in 'What to do'");
  cmd->add_option("--sources", judge->sources,
                  "Folder of the student's files: TSan frames inside it are shown, relative to it");
  auto* timeout = cmd->add_option("--timeout", judge->timeout_seconds,
                                  "Wall-clock limit in seconds (default 60; with --course, at most the course's)")
                      ->check(positive_number());
  cmd->add_option("--course", judge->course, "The course file (perf thresholds, limits); default lab/course.toml");
  cmd->add_option("--reference", judge->reference,
                  "perf: the reference strategies' driver, measured in the same run");
  // Limits: the course file's (for this exercise) when --course is given,
  // else the kit's defaults; an option given here wins over both.
  auto limits = std::make_shared<Limits>();
  auto* cpu = cmd->add_option("--cpu-limit", limits->cpu_seconds, "CPU seconds per process of the program")
                  ->check(positive_number());
  auto* memory = cmd->add_option("--memory-limit", limits->memory_mib,
                                 "MiB resident in the program and every process it starts")
                     ->check(whole_number(1));
  auto* processes = cmd->add_option("--process-limit", limits->processes,
                                    "Processes alive at once in the program's tree")
                        ->check(whole_number(1, 100000));
  auto* output = cmd->add_option("--output-limit", limits->output_kib, "KiB of output the program may write")
                     ->check(whole_number(1));
  auto* seed = cmd->add_option("--seed", judge->seed,
                               "functional, tsan: replay one run with this seed of the graders' random pauses "
                               "(a failing verdict names the seed of its run)");
  auto* runs = cmd->add_option("--runs", judge->runs,
                               "functional, tsan: how many runs with different seeds, at most, within the time "
                               "limit (default: 5 functional, 3 tsan)")
                   ->check(whole_number(1, 1000));
  runs->excludes(seed);
  cmd->add_option("--policy", judge->policy,
                  "The exercise's exercise.json: its grading policy is checked on the student's files first");
  cmd->add_option("--checker", judge->checker, "With --policy: the racelab-check that checks it");
  cmd->add_option("--compile-commands", judge->compile_commands,
                  "With --policy: the build folder holding compile_commands.json");
  cmd->add_option("--compile-target", judge->compile_targets,
                  "With --policy: a build target that compiles the student's files for this judge (repeat); "
                  "the policy reads only their compile commands")
      ->allow_extra_args(false);
  // One file per --student-file: what follows the last one (--, the command) is not a file.
  cmd->add_option("--student-file", judge->student_files, "With --policy: a student file to check (repeat)")
      ->allow_extra_args(false);
  cmd->add_flag("--allow-sleep", judge->sleep_allowed,
                "The exercise's task sleeps on purpose: a sleep in the sources is not an escape hatch");
  cmd->add_option("command", judge->command, "After --: the program to judge and its arguments")->required();
  cmd->footer(
      "Example: racelab judge tsan --exercise 1 --readme exercises/01-counter/README.md \\\n"
      "           --sources exercises/01-counter --timeout 120 -- build/bin/exercise1_tsan\n"
      "Exit status: 0 passed, 1 failed, 2 the judge could not run, 3 perf: could not measure\n"
      "(other work shared the machine; ctest reports it as skipped).");
  return {cmd, [judge, kind, limits, timeout, cpu, memory, processes, output, runs](std::ostream& out, std::ostream& err) {
            judge->judge = *judge_from_id(*kind);  // CLI11 checked it is one of them
            if (runs->count() == 0) judge->runs = default_runs(judge->judge);
            if (!judge->course.empty()) {
              try {
                judge->limits = load_course(judge->course).limits_for(judge->exercise);
                // The course may shorten the build's time limit, never lengthen it:
                // ctest stops a test at twice the build's limit anyway.
                judge->timeout_seconds = timeout->count() > 0
                                             ? std::min(judge->timeout_seconds, judge->limits.time_seconds)
                                             : judge->limits.time_seconds;
              } catch (const CourseError& e) {
                err << "racelab judge: " << e.message << '\n';
                return static_cast<int>(judge_error);
              }
            }
            if (cpu->count() > 0) judge->limits.cpu_seconds = limits->cpu_seconds;
            if (memory->count() > 0) judge->limits.memory_mib = limits->memory_mib;
            if (processes->count() > 0) judge->limits.processes = limits->processes;
            if (output->count() > 0) judge->limits.output_kib = limits->output_kib;
            return run_judge(*judge, out);
          }};
}

}  // namespace racelab::lab
