#include "racelab/lab/cli.hpp"

#include "racelab/lab/grade.hpp"
#include "racelab/lab/judge.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>
#include <ostream>

#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0.0.0"
#endif

namespace racelab::lab {

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"racelab: the concurrency lab kit's command line (grading and judges)", "racelab"};
  app.set_version_flag("--version", std::string("racelab ") + RACELAB_VERSION);
  app.require_subcommand(1);
  app.footer("Exit status: 0 success, 1 a judge or grade failed, 2 the command could not run.");

  JudgeOptions judge;
  std::string kind;
  auto* judge_cmd = app.add_subcommand(
      "judge", "Run one judge of one exercise and print a verdict a student can read (used by ctest)");
  judge_cmd->add_option("kind", kind, "Which judge: functional, tsan or static")
      ->required()
      ->check(CLI::IsMember({"functional", "tsan", "static"}));
  judge_cmd->add_option("--exercise", judge.exercise, "Exercise number, for the headline")->required();
  judge_cmd->add_option("--readme", judge.readme, "The exercise's README.md, named in 'What to do'");
  judge_cmd->add_option("--sources", judge.sources,
                        "Folder of the student's files: TSan frames inside it are shown, relative to it");
  judge_cmd->add_option("--timeout", judge.timeout_seconds, "Wall-clock limit in seconds (default 60)")
      ->check(CLI::PositiveNumber);
  judge_cmd->add_option("command", judge.command, "After --: the program to judge and its arguments")
      ->required();
  judge_cmd->footer(
      "Example: racelab judge tsan --exercise 1 --readme exercises/01-counter/README.md \\\n"
      "           --sources exercises/01-counter --timeout 120 -- build/bin/exercise1_tsan\n"
      "Exit status: 0 passed, 1 failed, 2 the judge could not run.");

  GradeOptions grade;
  std::string grade_out;
  auto* grade_cmd = app.add_subcommand(
      "grade", "Run every exercise's judges through ctest; print a table, write report.json and JUnit XML");
  grade_cmd->add_option("--build", grade.build, "Build folder (default build/default)");
  grade_cmd->add_option("--out", grade_out, "Where reports go (default <build>/grade)");
  grade_cmd->add_flag("--require-pass", grade.require_pass, "Exit 1 if any judge did not pass");
  grade_cmd->footer("Exit status: 0 report written, 1 (with --require-pass) a judge did not pass, "
                    "2 grading could not run.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e, out, err);
    return status == 0 ? 0 : 2;
  }

  if (judge_cmd->parsed()) {
    judge.kind = parse_judge_kind(kind);
    return run_judge(judge, out);
  }
  if (grade_cmd->parsed()) {
    if (!grade_out.empty()) grade.out = grade_out;
    const char* no_color = std::getenv("NO_COLOR");
    grade.color = ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
    return run_grade(grade, out, err);
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
