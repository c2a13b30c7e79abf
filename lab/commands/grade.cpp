#include "commands/commands.hpp"
#include "grade/batch.hpp"
#include "grade/grade.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_grade_command(CLI::App& app) {
  auto grade = std::make_shared<GradeOptions>();
  auto batch = std::make_shared<BatchOptions>();
  auto out_dir = std::make_shared<std::string>();
  auto course = std::make_shared<std::string>();
  auto workspace = std::make_shared<std::string>();
  auto integrity = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "grade", "Run the course's exercises through ctest, turn verdicts into points, write every report format");
  auto* build_option = cmd->add_option("--build", grade->build, "Build folder (default build/default)");
  cmd->add_option("--out", *out_dir, "Where reports go (default <build>/grade)");
  cmd->add_option("--course", *course,
                  "The course file (default lab/course.toml, found upward from here or in the build's sources)");
  auto* workspace_option = cmd->add_option(
      "--workspace", *workspace,
      "Grade a student's folder laid out like exercises/ (or holding exercises/): configures a build for it "
      "in <out>/build, or build/workspace, or --build");
  auto* integrity_option = cmd->add_option(
      "--integrity", *integrity,
      "The trusted integrity record (the .racelab/integrity.json racelab assign wrote); default: the graded "
      "repository's own, when it has one");
  cmd->add_flag("--require-pass", grade->require_pass, "Exit 1 if any judge did not pass");
  auto* batch_option =
      cmd->add_option("--batch", batch->submissions, "A folder of submissions (one per sub-folder) → class CSV");
  cmd->add_option("-j,--jobs", batch->jobs, "With --batch: submissions graded at once (default 1)")
      ->needs(batch_option)
      ->check(CLI::PositiveNumber);
  workspace_option->excludes(batch_option);
  integrity_option->excludes(batch_option);
  cmd->footer("Writes into the output folder: report.json, junit.xml, results.json (Gradescope), summary.md\n"
              "(also appended to $GITHUB_STEP_SUMMARY when set), annotations.txt (GitHub ::error lines, also\n"
              "printed when $GITHUB_ACTIONS is true) and racelab.sarif.\n"
              "A protected file (grader, course file, CMake file…) not as its record says withholds the credit\n"
              "of the exercises it grades.\n"
              "Exit status: 0 report written, 1 (with --require-pass) a judge did not pass, "
              "2 grading could not run.");
  return {cmd, [grade, batch, out_dir, course, workspace, integrity, batch_option,
                build_option](std::ostream& out, std::ostream& err) {
            if (batch_option->count() > 0) {
              if (!out_dir->empty()) batch->out = *out_dir;
              batch->color = stdout_wants_color();
              return run_batch(*batch, out, err);
            }
            if (!out_dir->empty()) grade->out = *out_dir;
            if (!course->empty()) grade->course = *course;
            if (!workspace->empty()) grade->workspace = *workspace;
            if (!integrity->empty()) grade->integrity = *integrity;
            grade->build_given = build_option->count() > 0;
            grade->color = stdout_wants_color();
            return run_grade(*grade, out, err);
          }};
}

}  // namespace racelab::lab
