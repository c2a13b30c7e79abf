#pragma once
/// \file
/// `racelab grade`: run every exercise's judges through ctest and turn the
/// verdicts into points. One result model (GradeReport) that every format
/// (report_formats.hpp) is written from.

#include "core/integrity.hpp"

#include <boost/json/value.hpp>

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

struct Course;

/// The judges every exercise has, in table order (the build step counts as one).
inline const std::vector<std::string> grade_judges{"build", "functional", "tsan", "static"};

/// Every judge an exercise can have, in table order (perf: the perf exercises only).
inline const std::vector<std::string> all_judges{"build", "functional", "tsan", "static", "perf"};

/// "build", "functional tests", "ThreadSanitizer", "racelab-check", "perf".
std::string judge_display_name(const std::string& judge);

/// One access of a data race, as data.
struct FindingAccess {
  std::string operation;  ///< "write", "read", "atomic read"…
  std::string file;       ///< relative to the repository root when inside it
  int line = 0;
  int column = 0;
  std::string thread;                ///< "thread T2", "the main thread"
  std::vector<std::string> mutexes;  ///< held during the access (TSan's names)
};

/// One problem a judge found, tied to a place in the student's files when it can be.
struct GradeFinding {
  std::string judge;    ///< "build", "tsan", "static", "functional", "perf"
  std::string kind;     ///< "data race", "racelab-missing-lock", "compile error", "escape hatch"…
  std::string message;  ///< one line in plain words
  std::string file;     ///< relative to the repository root when inside it; empty when unknown
  int line = 0;
  int column = 0;
  std::string object;                   ///< TSan: the variable or object ("global 'racelab::counter'")
  std::vector<FindingAccess> accesses;  ///< TSan data races: the two accesses, current first
  std::vector<std::string> notes;       ///< further lines (the checker's notes, TSan's details)
};

/// One judge's result for one exercise. The verdict is ctest's; findings only add detail.
struct JudgeOutcome {
  std::string status = "not run";  ///< "pass", "FAIL", "timeout", "not run", "withheld"
  std::string summary;             ///< one line: why it failed
  std::string output;              ///< what the judge printed (capped)
  double seconds = 0;
  double points = 0;      ///< earned: all of max_points when it passed, else 0
  double max_points = 0;  ///< from the course file
  std::vector<GradeFinding> findings;
};

struct ExerciseOutcome {
  int number = 0;
  std::string folder;
  std::string label;
  bool graded = false;  ///< false: not in the workspace
  std::map<std::string, JudgeOutcome> judges;
  /// The judges the build registered (manifest "judges"; the first four when it does not say).
  std::vector<std::string> judge_names = grade_judges;
  bool judges_from_manifest = false;  ///< the manifest listed them (so a course judge missing is an error)
  std::vector<std::string> sources;   ///< the student's files (manifest "sources"), absolute
  std::string workspace;              ///< the student's folder for this exercise, absolute
  std::string perf_driver;            ///< the student's perf driver (manifest "perf_driver"); empty: none
  bool in_course = true;              ///< false: the course file does not grade it
  std::string compile_error;          ///< the compiler's first error, when it did not compile
  std::string withheld;               ///< why its credit is withheld ("… was edited"); empty: it is not

  [[nodiscard]] double points() const;
  [[nodiscard]] double max_points() const;
  /// The judges to show: those registered and any ctest reported besides, in table order.
  [[nodiscard]] std::vector<std::string> shown_judges() const;
  /// Graded and in the course: its points count.
  [[nodiscard]] bool counts() const { return graded && in_course; }
};

struct GradeReport {
  std::string source;
  std::vector<ExerciseOutcome> exercises;
  std::string course;                  ///< the course's name
  std::string course_file;             ///< as shown in messages
  std::string visibility = "visible";  ///< Gradescope visibility, from the course
  std::vector<EditedFile> edited;      ///< protected files not as handed out (their exercises get no credit)

  [[nodiscard]] double points() const;      ///< earned, over the exercises that count
  [[nodiscard]] double max_points() const;  ///< over the exercises in the course
  /// Every judge any exercise shows, in table order.
  [[nodiscard]] std::vector<std::string> shown_judges() const;
};

struct GradeOptions {
  std::filesystem::path build = "build/default";
  bool build_given = false;                        ///< --build was named
  std::optional<std::filesystem::path> out;        ///< default: <build>/grade
  std::optional<std::filesystem::path> course;     ///< default: lab/course.toml upward, or in the build's sources
  std::optional<std::filesystem::path> workspace;  ///< a student workspace: configure a build for it, then grade
  std::optional<std::filesystem::path> integrity;  ///< the trusted integrity record; default: the repository's own
  bool require_pass = false;
  bool color = false;
};

/// Exit status of `racelab grade`.
enum GradeStatus : int { grade_done = 0, grade_failures = 1, grade_error = 2 };

/// Something that stops grading; the message names the problem.
struct GradeError {
  std::string message;
};

/// Reads <build>/racelab-exercises.json, with each exercise's "judges" and
/// "sources" when the build wrote them; throws GradeError.
GradeReport read_manifest(const std::filesystem::path& manifest);

/// Fills the judges of `report` from ctest's JUnit XML; throws GradeError.
/// `timed_out` lists the tests ctest stopped at their TIMEOUT.
void apply_junit(GradeReport& report, const std::filesystem::path& junit_xml,
                 const std::vector<std::string>& timed_out = {});

/// Tests that ctest's own progress output marks "***Timeout".
std::vector<std::string> timed_out_tests(const std::string& ctest_output);

/// The first line of why a judge failed, from what it printed.
std::string failure_summary(const std::string& judge, const std::string& output);

/// The compiler's first `file:line:col: error: …` in a build step's output, the
/// file shown relative to the repository root; nullopt when there is none.
std::optional<GradeFinding> first_compile_error(const std::string& build_output);

/// Exercises whose build step failed: the compiler's first error becomes the build
/// judge's summary and finding, and the other judges say "not run: did not compile".
void apply_compile_failures(GradeReport& report);

/// Adds the findings of the judges' records (<dir>/exercise<N>.<judge>.json) to the
/// judges that did not pass. A record never changes a verdict.
void apply_judge_records(GradeReport& report, const std::filesystem::path& dir);

/// Points from the course: marks the exercises it does not grade, sets each judge's
/// points and maximum. Throws GradeError naming the course file's line when it gives
/// points to a judge the build registered no test for.
void apply_course(GradeReport& report, const Course& course);

/// Where to look for protected files that are not as handed out.
struct IntegrityCheck {
  std::filesystem::path repository;                ///< the repository (or workspace) graded
  std::optional<std::filesystem::path> record;     ///< an integrity record to compare it with
  bool record_is_the_repositorys = false;          ///< the repository's own record: unreadable means edited
  std::optional<std::filesystem::path> kit;        ///< also compare with the kit's own files (a submission)
};

/// The check `grade` makes of `repository`: against `trusted_record` (--integrity), else
/// against the repository's own record when it has one; and against the kit's own files
/// when `kit` is given (a submission). Throws GradeError when `trusted_record` is no file.
IntegrityCheck integrity_check(const std::filesystem::path& repository,
                               const std::optional<std::filesystem::path>& trusted_record,
                               const std::optional<std::filesystem::path>& kit);

/// The protected files of the repository that differ from the record or the kit, each
/// path once. Throws GradeError when a trusted record or the kit cannot be read.
std::vector<EditedFile> find_edited_files(const IntegrityCheck& check);

/// "tests/…/counter_test.cpp was edited — graders must stay as handed out": why credit is withheld.
std::string withheld_reason(const std::vector<EditedFile>& edited);

/// One line per edited file for the reports: what happened and which exercise loses its credit.
std::string withheld_note(const EditedFile& file);

/// Records `edited` in the report; every judge of an exercise an edited file grades
/// (exercise 0: every exercise) becomes "withheld". Call before apply_course, which
/// then gives those judges no points.
void apply_integrity(GradeReport& report, const std::vector<EditedFile>& edited);

/// A path as a student finds it in their repository: relative to the nearest folder
/// above it holding CMakePresets.json or .git, else as given.
std::string path_for_display(const std::string& path);

boost::json::value to_json(const GradeReport& report);

/// The terminal table, then one "why" line per failure.
std::string render_table(const GradeReport& report, bool color);

/// True when some graded judge did not pass.
bool any_failure(const GradeReport& report);

/// The whole command; prints to `out` (table) and `err` (errors).
int run_grade(const GradeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
