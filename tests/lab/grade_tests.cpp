// `racelab grade`: the manifest, ctest's JUnit XML → report, the table, errors.

#include "core/course.hpp"
#include "core/ctest.hpp"
#include "core/integrity.hpp"
#include "core/judge.hpp"
#include "core/judge_record.hpp"
#include "grade/course_points.hpp"
#include "grade/formats/annotations.hpp"
#include "grade/formats/gradescope.hpp"
#include "grade/formats/junit.hpp"
#include "grade/formats/markdown.hpp"
#include "grade/formats/report_json.hpp"
#include "grade/formats/sarif.hpp"
#include "grade/formats/table.hpp"
#include "grade/grade.hpp"
#include "grade/grade_error.hpp"
#include "grade/model/grade_report.hpp"
#include "grade/test_results.hpp"
#include "grade/withheld_credit.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace lab = racelab::lab;
namespace json = boost::json;

namespace {

const std::filesystem::path samples = std::filesystem::path(RACELAB_TEST_DATA_DIR) / "grade-samples";

lab::GradeReport sample_report() {
  auto report = lab::read_manifest(samples / "racelab-exercises.json");
  lab::apply_junit(report, samples / "ctest-junit.xml", {"exercise1.static"});
  return report;
}

const lab::JudgeOutcome& judge(const lab::GradeReport& r, int number, lab::Judge name) {
  for (const auto& e : r.exercises) {
    if (e.number == number) return e.judges.at(name);
  }
  throw std::runtime_error("no exercise " + std::to_string(number));
}

using racelab::lab::testing::contains;

/// Exercise 1 with every judge passed but the checker's, which ended as
/// `verdict` with `summary`.
lab::GradeReport one_exercise(lab::Verdict verdict, const std::string& summary) {
  lab::ExerciseOutcome e;
  e.number = 1;
  e.folder = "01-counter";
  e.label = "exercise1";
  e.graded = true;
  for (const auto judge : lab::grade_judges) e.judges[judge].verdict = lab::Verdict::pass;
  e.judges[lab::Judge::static_check].verdict = verdict;
  e.judges[lab::Judge::static_check].summary = summary;
  lab::GradeReport report;
  report.exercises = {e};
  return report;
}

/// The SARIF run's invocation: whether it succeeded, and its notifications.
json::object invocation(const lab::GradeReport& report) {
  return lab::sarif_log(report).at("runs").at(0).at("invocations").at(0).as_object();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grade_tests)

BOOST_AUTO_TEST_CASE(manifest_lists_every_exercise) {
  const auto report = lab::read_manifest(samples / "racelab-exercises.json");
  BOOST_TEST(report.source == "exercises");
  BOOST_TEST_REQUIRE(report.exercises.size() == 3u);
  BOOST_TEST(report.exercises[0].folder == "01-counter");
  BOOST_TEST(report.exercises[1].graded);
  BOOST_TEST(!report.exercises[2].graded);
}

BOOST_AUTO_TEST_CASE(junit_statuses_become_judge_results) {
  const auto report = sample_report();
  BOOST_TEST(judge(report, 1, lab::Judge::build).verdict == lab::Verdict::pass);
  BOOST_TEST(judge(report, 1, lab::Judge::functional).verdict == lab::Verdict::fail);
  BOOST_TEST(judge(report, 1, lab::Judge::tsan).verdict == lab::Verdict::fail);
  BOOST_TEST(judge(report, 1, lab::Judge::static_check).verdict == lab::Verdict::timeout);
  BOOST_TEST(judge(report, 2, lab::Judge::build).verdict == lab::Verdict::fail);
  BOOST_TEST(judge(report, 2, lab::Judge::functional).verdict == lab::Verdict::not_run);
  BOOST_TEST(judge(report, 2, lab::Judge::static_check).verdict == lab::Verdict::pass);
  BOOST_TEST(judge(report, 1, lab::Judge::tsan).seconds == 1.2);
}

BOOST_AUTO_TEST_CASE(summaries_come_from_the_judge_headline_not_the_program) {
  const auto report = sample_report();
  BOOST_TEST(judge(report, 1, lab::Judge::functional).summary ==
             "the functional tests found 1 failing check: counter_test.cpp(42): in \"counter_tests/total\": "
             "check total == 400000 has failed [399218 != 400000]");
  BOOST_TEST(judge(report, 1, lab::Judge::tsan).summary ==
             "ThreadSanitizer found 1 data race: data race on global 'racelab::counter'");
  BOOST_TEST(judge(report, 2, lab::Judge::build).summary ==
             "did not compile: /home/student/racelab/exercises/02-print/printer.cpp:12:5: error: use of undeclared identifier 'prnt'");
  BOOST_TEST(judge(report, 2, lab::Judge::functional).summary == "not run: the build step failed");
  BOOST_TEST(contains(judge(report, 1, lab::Judge::static_check).summary, "time limit"));
}

BOOST_AUTO_TEST_CASE(report_json_has_judges_and_totals) {
  const auto value = lab::report_json(sample_report());
  const auto& root = value.as_object();
  BOOST_TEST(json::value_to<std::string>(root.at("source")) == "exercises");
  const auto& exercises = root.at("exercises").as_array();
  BOOST_TEST_REQUIRE(exercises.size() == 3u);
  const auto& tsan = exercises[0].at("judges").at("tsan").as_object();
  BOOST_TEST(json::value_to<std::string>(tsan.at("status")) == "FAIL");
  BOOST_TEST(contains(json::value_to<std::string>(tsan.at("output")), "data race on global"));
  BOOST_TEST(exercises[2].at("graded").as_bool() == false);
  BOOST_TEST(exercises[2].at("judges").as_object().empty());
  const auto& totals = root.at("totals").as_object();
  BOOST_TEST(totals.at("judges_passed").to_number<int>() == 2);
  BOOST_TEST(totals.at("judges_failed").to_number<int>() == 3);
  BOOST_TEST(totals.at("judges_timed_out").to_number<int>() == 1);
  BOOST_TEST(totals.at("judges_not_run").to_number<int>() == 2);
  BOOST_TEST(totals.at("exercises_passed").to_number<int>() == 0);
  BOOST_TEST(lab::any_failure(sample_report()));
}

BOOST_AUTO_TEST_CASE(table_has_a_row_per_exercise_and_the_reasons_under_it) {
  const auto table = lab::render_table(sample_report(), false);
  BOOST_TEST(contains(table, "exercise      build    functional  tsan     static   points\n"), table);
  BOOST_TEST(contains(table, "1 01-counter  pass     FAIL        FAIL     timeout  0/0\n"), table);
  BOOST_TEST(contains(table, "2 02-print    FAIL     not run     not run  pass     0/0\n"), table);
  BOOST_TEST(contains(table, "3 03-string   not in workspace\n"), table);
  BOOST_TEST(contains(table, "Why:\n  exercise 1 functional: the functional tests found 1 failing check:"));
  BOOST_TEST(contains(table, "  exercise 2 build: did not compile:"));
  BOOST_TEST(!contains(table, "\033["));
  BOOST_TEST(contains(lab::render_table(sample_report(), true), "\033[1;31mFAIL"));
}

BOOST_AUTO_TEST_CASE(ctest_timeouts_are_read_from_its_progress_lines) {
  const auto names = lab::timed_out_tests(
      "4/6 Test #4: exercise2.functional .............***Failed    0.00 sec\n"
      "6/6 Test #5: exercise2.tsan ...................***Timeout   1.00 sec\n");
  BOOST_TEST(names == std::vector<std::string>{"exercise2.tsan"});
}

BOOST_AUTO_TEST_CASE(missing_build_folder_is_an_error_naming_it) {
  lab::GradeOptions options;
  options.build = "/nonexistent/racelab-build";
  std::ostringstream out, err;
  BOOST_TEST(lab::run_grade(options, out, err) == 2);
  BOOST_TEST(err.str() == "racelab grade: no build folder /nonexistent/racelab-build: configure and build first "
                          "(cmake --preset default), or name it with --build\n");
}

BOOST_AUTO_TEST_CASE(missing_manifest_is_an_error_naming_it) {
  lab::TempDir build("racelab-grade-test");
  lab::GradeOptions options;
  options.build = build.path();
  std::ostringstream out, err;
  BOOST_TEST(lab::run_grade(options, out, err) == 2);
  BOOST_TEST(contains(err.str(), "racelab-exercises.json"));
  BOOST_TEST(contains(err.str(), "cmake --preset default"));
}

// A real ctest run on a tiny project whose "judges" are the fake program.
BOOST_AUTO_TEST_CASE(grade_runs_ctest_and_writes_the_report) {
  lab::TempDir root("racelab-grade-e2e");
  const auto src = root.path() / "src";
  const auto build = root.path() / "build";
  std::filesystem::create_directories(src);
  const std::string fake = RACELAB_TEST_FAKE_PROGRAM;
  std::ofstream(src / "CMakeLists.txt")
      << "cmake_minimum_required(VERSION 3.25)\nproject(sample NONE)\nenable_testing()\n"
      << "add_test(NAME exercise1.build COMMAND " << fake << " exit 0)\n"
      << "add_test(NAME exercise1.functional COMMAND " << fake << " boost-fail)\n"
      << "add_test(NAME exercise1.tsan COMMAND " << fake << " exit 0)\n"
      << "add_test(NAME exercise1.static COMMAND " << fake << " exit 0)\n"
      << "add_test(NAME unrelated COMMAND " << fake << " exit 1)\n"
      << "set_tests_properties(exercise1.build exercise1.functional exercise1.tsan exercise1.static "
         "PROPERTIES LABELS exercise1)\n";
  lab::RunRequest configure;
  configure.command = {"cmake", "-S", src.string(), "-B", build.string()};
  configure.output_file = root.path() / "configure.txt";
  const auto configured = lab::run_process(configure);
  BOOST_TEST_REQUIRE(configured.exited_with(0), configured.output);
  std::ofstream(build / "racelab-exercises.json")
      << R"({"source":"exercises","exercises":[{"number":1,"folder":"01-counter","label":"exercise1","graded":true},)"
      << R"({"number":2,"folder":"02-print","label":"exercise2","graded":false}]})";

  lab::GradeOptions options;
  options.build = build;
  std::ostringstream out, err;
  BOOST_TEST(lab::run_grade(options, out, err) == 0, err.str());
  BOOST_TEST(contains(out.str(), "1 01-counter  pass     FAIL        pass     pass     6/10\n"), out.str());
  BOOST_TEST(contains(out.str(), "2 02-print    not in workspace"));
  BOOST_TEST(std::filesystem::exists(build / "grade" / "ctest-junit.xml"));
  std::ifstream report_file(build / "grade" / "report.json");
  std::stringstream text;
  text << report_file.rdbuf();
  const auto report = json::parse(text.str());
  BOOST_TEST(json::value_to<std::string>(report.at("exercises").at(0).at("judges").at("functional").at("status")) ==
             "FAIL");
  for (const auto* name : {"junit.xml", "results.json", "summary.md", "annotations.txt", "racelab.sarif"}) {
    BOOST_TEST(std::filesystem::exists(build / "grade" / name), name);
  }
  BOOST_TEST(contains(out.str(), "total"), out.str());

  options.require_pass = true;
  options.out = root.path() / "elsewhere";
  std::ostringstream out2, err2;
  BOOST_TEST(lab::run_grade(options, out2, err2) == 1);
  BOOST_TEST(std::filesystem::exists(root.path() / "elsewhere" / "report.json"));
}


BOOST_AUTO_TEST_CASE(manifest_judges_and_sources_are_read_and_checked_against_the_course) {
  lab::TempDir dir("racelab-grade-manifest");
  std::ofstream(dir.path() / "racelab-exercises.json")
      << R"({"source":"exercises","exercises":[{"number":6,"folder":"06-prime-pool","label":"exercise6","graded":true,)"
      << R"("judges":["build","functional","tsan","static"],"sources":["/w/exercises/06-prime-pool/pool.cpp"]}]})";
  auto report = lab::read_manifest(dir.path() / "racelab-exercises.json");
  BOOST_TEST_REQUIRE(report.exercises.size() == 1u);
  BOOST_TEST(report.exercises[0].sources == std::vector<std::string>{"/w/exercises/06-prime-pool/pool.cpp"});
  BOOST_TEST(report.exercises[0].judges_listed);
  const auto course = lab::parse_course("[exercise.6.points]\nfunctional = 3\nperf = 3\n", "lab/course.toml");
  BOOST_CHECK_EXCEPTION(lab::apply_course(report, course), lab::GradeError, [](const lab::GradeError& e) {
    return e.message.rfind("lab/course.toml:3: exercise 6 gives points to the perf judge, but the build has no perf "
                           "test for it (its judges: build, functional, tsan, static)",
                           0) == 0;
  });
  // Without "judges" in the manifest, the four every exercise has are assumed and nothing is checked.
  const auto plain = lab::read_manifest(samples / "racelab-exercises.json");
  BOOST_TEST((plain.exercises[0].registered == std::vector<lab::Judge>(lab::grade_judges.begin(), lab::grade_judges.end())));
  BOOST_TEST(!plain.exercises[0].judges_listed);
}

BOOST_AUTO_TEST_CASE(exercises_outside_the_course_are_listed_not_graded) {
  auto report = sample_report();
  lab::apply_course(report, lab::parse_course("[exercise.2]\npoints = { static = 5 }\n", "lab/course.toml"));
  BOOST_TEST(!report.exercises[0].in_course);
  BOOST_TEST(report.exercises[1].judges.at(lab::Judge::static_check).points == 5);
  BOOST_TEST(report.points() == 5);
  BOOST_TEST(contains(lab::render_table(report, false), "1 01-counter  not graded: not in the course file\n"));
}

BOOST_AUTO_TEST_CASE(summaries_show_paths_relative_to_the_repository) {
  lab::TempDir repo("racelab-grade-paths");
  std::ofstream(repo.path() / "CMakePresets.json") << "{}";
  const auto file = (repo.path() / "exercises" / "01-counter" / "counter.cpp").string();
  std::ofstream(repo.path() / "junit.xml")
      << "<?xml version=\"1.0\"?>\n<testsuite>\n<testcase name=\"exercise1.static\" status=\"fail\" time=\"1\">"
      << "<system-out>exercise 1 — racelab-check judge: FAILED\nracelab-check found problems in your code:\n"
      << file << ":20:5: warning: 'counter' is written by several threads</system-out></testcase>\n</testsuite>\n";
  lab::GradeReport report;
  lab::apply_junit(report, repo.path() / "junit.xml");
  BOOST_TEST(report.exercises.at(0).judges.at(lab::Judge::static_check).summary ==
             "racelab-check found problems in your code: exercises/01-counter/counter.cpp:20:5: warning: 'counter' is "
             "written by several threads");
}
BOOST_AUTO_TEST_SUITE_END()

// ---- protected files: an edited grader withholds its exercise's credit ------------

namespace {

namespace fs = std::filesystem;

const std::string grader = "tests/exercises/01-counter/counter_test.cpp";

void write_file(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

/// A repository as assign makes it: exercise 1's grader and a shared CMake file, recorded.
void handed_out_repository(const fs::path& root) {
  write_file(root / "exercises/01-counter/counter.cpp", "// the student's file\n");
  write_file(root / grader, "// checks the total\n");
  write_file(root / "CMakeLists.txt", "project(racelab)\n");
  lab::write_integrity(lab::integrity_record(root), {{grader, lab::sha256_file(root / grader), 1},
                                                     {"CMakeLists.txt", lab::sha256_file(root / "CMakeLists.txt"), 0}});
}

/// The sample results with points: exercise 1's build passed, exercise 2's static judge passed.
lab::GradeReport graded_sample(const std::vector<lab::EditedFile>& edited) {
  auto report = sample_report();
  lab::apply_compile_failures(report);
  lab::apply_integrity(report, edited);
  lab::apply_course(report, lab::parse_course("[exercise.1.points]\nbuild = 1\nfunctional = 3\ntsan = 3\nstatic = 3\n"
                                              "[exercise.2.points]\nbuild = 1\nfunctional = 3\ntsan = 3\nstatic = 3\n",
                                              "lab/course.toml"));
  return report;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grade_integrity_tests)

BOOST_AUTO_TEST_CASE(an_edited_grader_is_named_and_its_exercise_withheld_in_every_format) {
  lab::TempDir repo("racelab-grade-integrity");
  handed_out_repository(repo.path());
  write_file(repo.path() / grader, "// checks nothing\n");
  const auto edited = lab::find_edited_files(lab::integrity_check(repo.path(), std::nullopt, std::nullopt));
  BOOST_TEST_REQUIRE(edited.size() == 1u);
  BOOST_TEST(edited[0].path == grader);
  BOOST_TEST(edited[0].exercise == 1);

  const auto report = graded_sample(edited);
  const std::string why = "withheld: " + grader + " was edited — graders must stay as handed out";
  for (const lab::Judge name : lab::grade_judges) {
    BOOST_TEST(judge(report, 1, name).verdict == lab::Verdict::withheld, lab::judge_id(name));
    BOOST_TEST(judge(report, 1, name).points == 0, lab::judge_id(name));
    BOOST_TEST(judge(report, 1, name).summary == why, lab::judge_id(name));
  }
  BOOST_TEST(report.exercises[0].points() == 0);  // its build passed, and still earns nothing
  BOOST_TEST(judge(report, 2, lab::Judge::static_check).verdict == lab::Verdict::pass);
  BOOST_TEST(report.exercises[1].points() == 3);  // another exercise keeps its points

  const auto table = lab::render_table(report, false);
  BOOST_TEST(contains(table, "1 01-counter  withheld withheld    withheld withheld 0/10\n"), table);
  BOOST_TEST(contains(table, "Why:\n  " + why + "; exercise 1 gets no credit\n"), table);
  const auto json_report = lab::report_json(report);
  BOOST_TEST(json::value_to<std::string>(json_report.at("edited_files").at(0).at("path")) == grader);
  BOOST_TEST(json::value_to<std::string>(json_report.at("exercises").at(0).at("judges").at("tsan").at("status")) ==
             "withheld");
  BOOST_TEST(json_report.at("totals").at("judges_withheld").to_number<int>() == 4);
  const auto results = lab::gradescope_results(report);
  BOOST_TEST(contains(json::value_to<std::string>(results.at("output")), "Credit withheld: " + grader + " was edited"));
  BOOST_TEST(contains(lab::markdown_summary(report), "### Credit withheld\n\n- " + grader + " was edited"));
  BOOST_TEST(contains(lab::github_annotations(report), "::error file=" + grader + ",title=protected file not as handed "
                                                       "out::" + grader + " was edited"));
  BOOST_TEST(contains(lab::junit_xml(report), "<failure type=\"withheld\""));
}

BOOST_AUTO_TEST_CASE(an_untouched_repository_withholds_nothing) {
  lab::TempDir repo("racelab-grade-integrity");
  handed_out_repository(repo.path());
  const auto edited = lab::find_edited_files(lab::integrity_check(repo.path(), std::nullopt, std::nullopt));
  BOOST_TEST(edited.empty());
  const auto report = graded_sample(edited);
  BOOST_TEST(judge(report, 1, lab::Judge::build).verdict == lab::Verdict::pass);
  BOOST_TEST(judge(report, 1, lab::Judge::build).points == 1);
  BOOST_TEST(report.exercises[0].withheld.empty());
  BOOST_TEST(!contains(lab::render_table(report, false), "withheld"));
  BOOST_TEST(lab::report_json(report).at("edited_files").as_array().empty());
}

BOOST_AUTO_TEST_CASE(a_shared_file_edited_withholds_every_exercise) {
  lab::TempDir repo("racelab-grade-integrity");
  handed_out_repository(repo.path());
  fs::remove(repo.path() / "CMakeLists.txt");
  const auto edited = lab::find_edited_files(lab::integrity_check(repo.path(), std::nullopt, std::nullopt));
  const auto report = graded_sample(edited);
  BOOST_TEST(judge(report, 2, lab::Judge::static_check).verdict == lab::Verdict::withheld);
  BOOST_TEST(judge(report, 2, lab::Judge::static_check).summary ==
             "withheld: CMakeLists.txt is missing — graders must stay as handed out");
  BOOST_TEST(report.points() == 0);
  BOOST_TEST(contains(lab::render_table(report, false), "CMakeLists.txt is missing — graders must stay as handed "
                                                        "out; no exercise gets credit"));
}

BOOST_AUTO_TEST_CASE(a_grader_edited_with_its_record_is_caught_by_the_kit_or_a_trusted_record) {
  lab::TempDir dir("racelab-grade-integrity");
  // The kit here is itself a repository assign made (as the Gradescope autograder's source is):
  // its record is the pristine one.
  const auto kit = dir.path() / "kit";
  const auto submission = dir.path() / "submission";
  handed_out_repository(kit);
  handed_out_repository(submission);
  write_file(submission / grader, "// checks nothing\n");
  lab::write_integrity(lab::integrity_record(submission),
                       {{grader, lab::sha256_file(submission / grader), 1},
                        {"CMakeLists.txt", lab::sha256_file(submission / "CMakeLists.txt"), 0}});

  // The submission's own record was edited along with the grader: it finds nothing…
  BOOST_TEST(lab::find_edited_files(lab::integrity_check(submission, std::nullopt, std::nullopt)).empty());
  // …the kit's files and the instructor's record do.
  for (const auto& check : {lab::integrity_check(submission, std::nullopt, kit),
                            lab::integrity_check(submission, lab::integrity_record(kit), std::nullopt)}) {
    const auto edited = lab::find_edited_files(check);
    BOOST_TEST_REQUIRE(edited.size() == 1u);
    BOOST_TEST(edited[0].path == grader);
    BOOST_TEST(edited[0].what == "edited");
    BOOST_TEST(graded_sample(edited).exercises[0].points() == 0);
  }
}

BOOST_AUTO_TEST_CASE(a_record_that_no_longer_reads_withholds_everything) {
  lab::TempDir repo("racelab-grade-integrity");
  handed_out_repository(repo.path());
  write_file(lab::integrity_record(repo.path()), "{ not json");
  const auto edited = lab::find_edited_files(lab::integrity_check(repo.path(), std::nullopt, std::nullopt));
  BOOST_TEST_REQUIRE(edited.size() == 1u);
  BOOST_TEST(edited[0].path == ".racelab/integrity.json");
  BOOST_TEST(edited[0].exercise == 0);
  // The instructor's own record unreadable is the instructor's mistake: an error, not a verdict.
  BOOST_CHECK_THROW(lab::find_edited_files(lab::integrity_check(repo.path(), lab::integrity_record(repo.path()),
                                                                std::nullopt)),
                    lab::GradeError);
  BOOST_CHECK_THROW(lab::integrity_check(repo.path(), repo.path() / "absent.json", std::nullopt), lab::GradeError);
}

// The whole command: a build whose sources hold a record that an edited grader no longer matches.
BOOST_AUTO_TEST_CASE(grade_withholds_the_credit_of_an_edited_grader_in_the_build_sources) {
  lab::TempDir root("racelab-grade-integrity-e2e");
  const auto src = root.path() / "src";
  const auto build = root.path() / "build";
  handed_out_repository(src);
  const std::string fake = RACELAB_TEST_FAKE_PROGRAM;
  std::ofstream(src / "CMakeLists.txt")
      << "cmake_minimum_required(VERSION 3.25)\nproject(sample NONE)\nenable_testing()\n"
      << "foreach(judge build functional tsan static)\n"
      << "  add_test(NAME exercise1.${judge} COMMAND " << fake << " exit 0)\n"
      << "  set_tests_properties(exercise1.${judge} PROPERTIES LABELS exercise1)\nendforeach()\n";
  // The record is re-made for this CMakeLists.txt: only the grader differs from it.
  lab::write_integrity(lab::integrity_record(src), {{grader, lab::sha256_file(src / grader), 1},
                                                    {"CMakeLists.txt", lab::sha256_file(src / "CMakeLists.txt"), 0}});
  write_file(src / grader, "// checks nothing\n");
  lab::RunRequest configure;
  configure.command = {"cmake", "-S", src.string(), "-B", build.string()};
  configure.output_file = root.path() / "configure.txt";
  const auto configured = lab::run_process(configure);
  BOOST_TEST_REQUIRE(configured.exited_with(0), configured.output);
  std::ofstream(build / "racelab-exercises.json")
      << R"({"source":"exercises","exercises":[{"number":1,"folder":"01-counter","label":"exercise1","graded":true}]})";
  write_file(src / "lab/course.toml", "[exercise.1.points]\nbuild = 1\nfunctional = 3\ntsan = 3\nstatic = 3\n");

  lab::GradeOptions options;
  options.build = build;
  options.course = src / "lab/course.toml";
  std::ostringstream out, err;
  BOOST_TEST(lab::run_grade(options, out, err) == 0, err.str());
  BOOST_TEST(contains(out.str(), "1 01-counter  withheld withheld    withheld withheld 0/10\n"), out.str());
  BOOST_TEST(contains(out.str(), "withheld: " + grader + " was edited — graders must stay as handed out"), out.str());
  const auto report = json::parse(read_text(build / "grade" / "report.json"));
  BOOST_TEST(json::value_to<std::string>(report.at("edited_files").at(0).at("path")) == grader);
  BOOST_TEST(report.at("totals").at("points").to_number<int>() == 0);
  BOOST_TEST(contains(read_text(build / "grade" / "summary.md"), grader + " was edited"));
  BOOST_TEST(contains(read_text(build / "grade" / "annotations.txt"), "::error file=" + grader));

  // The same tree graded with the handed-out grader back in place: every point.
  write_file(src / grader, "// checks the total\n");
  std::ostringstream out2, err2;
  BOOST_TEST(lab::run_grade(options, out2, err2) == 0, err2.str());
  BOOST_TEST(contains(out2.str(), "1 01-counter  pass     pass        pass     pass     10/10\n"), out2.str());
  BOOST_TEST(!contains(out2.str(), "withheld"), out2.str());
}

// A judge that gave no verdict leaves the grade incomplete: the SARIF run says
// so (executionSuccessful false, a notification naming the judge and why), so
// that code scanning does not read its missing results as clean code.
BOOST_AUTO_TEST_CASE(sarif_says_when_a_judge_gave_no_verdict) {
  const auto complete = invocation(one_exercise(lab::Verdict::fail, "racelab-check found problems in your code:"));
  BOOST_TEST(complete.at("executionSuccessful").as_bool());
  BOOST_TEST(!complete.contains("toolExecutionNotifications"));

  // ctest could not run the judge (the kit's own tools did not build).
  const auto missing = invocation(one_exercise(lab::Verdict::not_run, "not run: Unable to find executable: racelab"));
  BOOST_TEST(!missing.at("executionSuccessful").as_bool());
  const auto& note = missing.at("toolExecutionNotifications").at(0);
  BOOST_TEST(json::value_to<std::string>(note.at("level")) == "error");
  BOOST_TEST(json::value_to<std::string>(note.at("message").at("text")) ==
             "exercise 1 racelab-check judge could not run, so the grade is incomplete: not run: Unable to find "
             "executable: racelab");

  // The judge ran but could not judge (exit status 2): its record says so.
  auto errored = one_exercise(lab::Verdict::fail, "cannot analyse 'counter.cpp'");
  lab::TempDir dir("racelab-records-test");
  lab::write_record(dir.path(), {1, lab::Judge::static_check, lab::judge_error, "cannot analyse", {}});
  BOOST_TEST(invocation(errored).at("executionSuccessful").as_bool());
  lab::apply_judge_records(errored, dir.path());
  BOOST_TEST(!invocation(errored).at("executionSuccessful").as_bool());

  // Not graded: the perf judge could not measure on a busy machine.
  auto busy = one_exercise(lab::Verdict::pass, "");
  busy.exercises[0].judges[lab::Judge::perf].verdict = lab::Verdict::unmeasured;
  busy.exercises[0].judges[lab::Judge::perf].summary = lab::unmeasured_prefix + "the machine was busy";
  const auto unmeasured = invocation(busy);
  BOOST_TEST(!unmeasured.at("executionSuccessful").as_bool());
  BOOST_TEST(json::value_to<std::string>(unmeasured.at("toolExecutionNotifications").at(0).at("level")) == "warning");

  // The student's code did not build: a verdict on it, the grade is complete.
  auto broken = one_exercise(lab::Verdict::not_run, lab::not_run_build_failed);
  broken.exercises[0].judges[lab::Judge::build].verdict = lab::Verdict::fail;
  for (const auto judge : {lab::Judge::functional, lab::Judge::tsan}) {
    broken.exercises[0].judges[judge] = broken.exercises[0].judges[lab::Judge::static_check];
  }
  BOOST_TEST(invocation(broken).at("executionSuccessful").as_bool());
}

BOOST_AUTO_TEST_SUITE_END()
