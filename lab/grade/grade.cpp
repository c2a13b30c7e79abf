#include "grade/grade.hpp"

#include "core/ctest.hpp"
#include "core/judge_record.hpp"
#include "core/regular_file.hpp"
#include "core/text.hpp"
#include "grade/course_points.hpp"
#include "grade/formats/annotations.hpp"
#include "grade/formats/report_files.hpp"
#include "grade/formats/table.hpp"
#include "grade/grade_error.hpp"
#include "grade/test_results.hpp"
#include "grade/withheld_credit.hpp"
#include "grade/workspace.hpp"
#include "sandbox/isolation.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"

#include <ostream>
#include <sstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// ctest's -L regex for the exercises that count: "^exercise(1|2|5)$".
std::string label_regex(const GradeReport& report) {
  std::string numbers;
  for (const auto& e : report.exercises) {
    if (e.counts()) numbers += (numbers.empty() ? "" : "|") + std::to_string(e.number);
  }
  if (numbers.empty()) {
    throw GradeError{"the course file grades none of the exercises this build has: nothing to grade (see racelab list)"};
  }
  return "^exercise(" + numbers + ")$";
}

Course load_course_for(const GradeOptions& options, const fs::path& build) {
  try {
    return load_course(options.course ? *options.course : locate_course_file(build));
  } catch (const CourseError& e) {
    throw GradeError{e.message};
  }
}

/// Runs ctest on the exercises the course grades; the judges record their findings in `records`.
/// ctest writes its JUnit file into `scratch` (a private folder), not into `out_dir`, where a
/// program judged without the sandbox could have put a FIFO at its name for ctest to block on.
TestResults run_ctest(const GradeReport& report, const Course& course, const fs::path& build,
                      const fs::path& out_dir, const fs::path& records, const fs::path& scratch, std::ostream& out) {
  const auto ctest = find_ctest(build);
  if (!ctest) throw GradeError{"ctest not found (neither next to the cmake that configured the build nor on PATH)"};
  const fs::path junit = scratch / "ctest-junit.xml";
  out << "racelab grade: running every judge of every exercise in " << build.string()
      << " (this rebuilds what changed)…\n" << std::flush;
  RunRequest request;
  request.command = {*ctest, "--test-dir", build.string(), "-L", label_regex(report), "-j2",
                     "--output-junit", junit.string()};
  // The course's deadline for the whole run: a submission that makes ctest run for ever
  // (endless tests, a build that loops) gets a report, not a grader that never ends.
  request.time_limit = std::chrono::milliseconds(static_cast<long long>(course.grade_minutes * 60'000));
  request.output_file = out_dir / "ctest-output.txt";
  request.output_limit = 256u << 20;
  request.output_shown = request.output_limit;  // all of it: the console alone marks time-outs
  request.set_env[results_dir_variable] = records.string();
  RunResult ran;
  try {
    ran = run_process(request);
  } catch (const RunError& e) {
    throw GradeError{e.message};
  }
  if (ran.timed_out) {
    std::ostringstream minutes;
    minutes << course.grade_minutes;
    const std::string why = "grading took longer than " + minutes.str() + " minutes (limits.grade_minutes in " +
                            course.file.string() + ") and was stopped before this judge finished";
    out << "racelab grade: grading took longer than " << minutes.str()
        << " minutes: stopped; the judges that had not finished are marked not graded\n";
    return {junit, ran.output, records, why};
  }
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(junit, ec))) {
    throw GradeError{"ctest did not write its JUnit file (" + ran.describe() + "); its output is in " +
                     request.output_file.string()};
  }
  // Kept beside the reports, as ctest wrote it; copied into a file created afresh.
  const fs::path kept = out_dir / "ctest-junit.xml";
  try {
    write_fresh_file(kept, read_regular_file(junit, 256u << 20));
  } catch (const FileError& e) {
    throw GradeError{e.what()};
  }
  return {junit, ran.output, records, {}};
}

/// What `grade` checks for edited protected files: the workspace (else the build's sources),
/// and a workspace against the kit as well.
IntegrityCheck integrity_check_for(const GradeOptions& options, const fs::path& build,
                                   const std::optional<fs::path>& workspace) {
  if (workspace) return integrity_check(*workspace, options.integrity, kit_root());
  if (const auto source = build_source_dir(build)) return integrity_check(*source, options.integrity, std::nullopt);
  if (options.integrity) {
    throw GradeError{"--integrity: cannot tell which repository the build " + build.string() +
                     " grades (its CMakeCache.txt names no source folder); name it with --workspace"};
  }
  return {};  // no repository known: nothing to compare
}

/// Where grade builds and writes: --build (or a build configured for --workspace) and --out.
struct Folders {
  fs::path build;
  fs::path out;
  std::optional<fs::path> workspace;
};

Folders prepare_folders(const GradeOptions& options, std::ostream& out) {
  Folders f;
  f.build = fs::absolute(options.build).lexically_normal();
  std::optional<fs::path> out_dir;
  if (options.out) out_dir = fs::absolute(*options.out).lexically_normal();
  std::error_code ec;
  if (options.workspace) {
    auto workspace = fs::absolute(*options.workspace).lexically_normal();
    if (!workspace.has_filename()) workspace = workspace.parent_path();  // "ws/" → "ws"
    f.workspace = workspace;
    if (!options.build_given) f.build = out_dir ? *out_dir / "build" : kit_root() / "build" / "workspace";
    if (!out_dir) out_dir = f.build / "grade";
    fs::create_directories(*out_dir, ec);
    configure_workspace_build(workspace, f.build, *out_dir, out);
  }
  if (!fs::is_directory(f.build, ec)) {
    throw GradeError{"no build folder " + f.build.string() +
                     ": configure and build first (cmake --preset default), or name it with --build"};
  }
  f.out = out_dir.value_or(f.build / "grade");
  return f;
}

void print_result(const GradeReport& report, const std::vector<fs::path>& written, const fs::path& out_dir,
                  bool color, std::ostream& out) {
  out << '\n' << render_table(report, color) << '\n';
  print_github_annotations(report, out);
  out << "reports in " << out_dir.string() << ": ";
  for (std::size_t i = 0; i < written.size(); ++i) out << (i ? ", " : "") << written[i].filename().string();
  out << '\n';
}

int grade(const GradeOptions& options, std::ostream& out) {
  const Folders folders = prepare_folders(options, out);
  GradeReport report = read_manifest(folders.build / "racelab-exercises.json");
  report.workspace = folders.workspace;
  // The judges ctest starts share this environment and machine: they isolate, or not, alike.
  if (!sandbox_state().available) report.not_isolated = sandbox_state().why_not;
  const Course course = load_course_for(options, folders.build);
  apply_course(report, course);  // before ctest: a course/build mismatch stops here, before hours of tests
  std::error_code ec;
  fs::create_directories(folders.out, ec);
  if (ec) throw GradeError{"cannot create " + folders.out.string() + ": " + ec.message()};
  // Before the tests: the files the build is about to use.
  const IntegrityCheck integrity = integrity_check_for(options, folders.build, folders.workspace);
  auto edited = find_edited_files(integrity);

  TempDir records("racelab-records");  // private (mode 0700), removed when grading ends
  TempDir scratch("racelab-ctest");
  const TestResults results =
      run_ctest(report, course, folders.build, folders.out, records.path(), scratch.path(), out);
  // Again after the tests: a program that rewrites a grader while it is tested is caught too.
  merge_edited(edited, find_edited_files(integrity));
  apply_test_results(report, course, results, edited);

  print_result(report, write_reports(report, folders.out), folders.out, options.color, out);
  return options.require_pass && any_failure(report) ? grade_failures : grade_done;
}

}  // namespace

void apply_test_results(GradeReport& report, const Course& course, const TestResults& results,
                        const std::vector<EditedFile>& edited) {
  if (results.unfinished.empty()) {
    apply_junit(report, results.junit, timed_out_tests(results.console));
  } else {
    const auto finished = finished_tests(results.console);
    apply_tests(report, finished, timed_out_tests(results.console));
    apply_unfinished(report, finished, results.unfinished);
  }
  apply_compile_failures(report);
  apply_judge_records(report, results.records);
  apply_integrity(report, edited);
  apply_course(report, course);
}

int run_grade(const GradeOptions& options, std::ostream& out, std::ostream& err) {
  try {
    return grade(options, out);
  } catch (const GradeError& e) {
    err << "racelab grade: " << e.message << '\n';
  } catch (const ReportWriteError& e) {
    err << "racelab grade: " << e.message << '\n';
  } catch (const RunError& e) {
    err << "racelab grade: " << e.message << '\n';
  }
  return grade_error;
}

}  // namespace racelab::lab
