#include "racelab/lab/batch.hpp"
#include "racelab/lab/commands.hpp"
#include "racelab/lab/grade.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace racelab::lab {

Command add_grade_command(CLI::App& app) {
  auto grade = std::make_shared<GradeOptions>();
  auto batch = std::make_shared<BatchOptions>();
  auto out_dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "grade", "Run every exercise's judges through ctest; print a table, write report.json and JUnit XML");
  cmd->add_option("--build", grade->build, "Build folder (default build/default)");
  cmd->add_option("--out", *out_dir, "Where reports go (default <build>/grade)");
  cmd->add_flag("--require-pass", grade->require_pass, "Exit 1 if any judge did not pass");
  auto* batch_option =
      cmd->add_option("--batch", batch->submissions, "A folder of submissions (one per sub-folder) → class CSV");
  cmd->add_option("-j,--jobs", batch->jobs, "With --batch: submissions graded at once (default 1)")
      ->needs(batch_option)
      ->check(CLI::PositiveNumber);
  cmd->footer("Exit status: 0 report written, 1 (with --require-pass) a judge did not pass, "
              "2 grading could not run.");
  return {cmd, [grade, batch, out_dir, batch_option](std::ostream& out, std::ostream& err) {
            if (batch_option->count() > 0) {
              if (!out_dir->empty()) batch->out = *out_dir;
              batch->color = stdout_wants_color();
              return run_batch(*batch, out, err);
            }
            if (!out_dir->empty()) grade->out = *out_dir;
            grade->color = stdout_wants_color();
            return run_grade(*grade, out, err);
          }};
}

}  // namespace racelab::lab
