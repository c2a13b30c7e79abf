// `racelab grade`: the manifest, ctest's JUnit XML → report, the table, errors.
#include "racelab/lab/grade.hpp"

#include "racelab/lab/process.hpp"

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

const lab::JudgeOutcome& judge(const lab::GradeReport& r, int number, const std::string& name) {
  for (const auto& e : r.exercises) {
    if (e.number == number) return e.judges.at(name);
  }
  throw std::runtime_error("no exercise " + std::to_string(number));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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
  BOOST_TEST(judge(report, 1, "build").status == "pass");
  BOOST_TEST(judge(report, 1, "functional").status == "FAIL");
  BOOST_TEST(judge(report, 1, "tsan").status == "FAIL");
  BOOST_TEST(judge(report, 1, "static").status == "timeout");
  BOOST_TEST(judge(report, 2, "build").status == "FAIL");
  BOOST_TEST(judge(report, 2, "functional").status == "not run");
  BOOST_TEST(judge(report, 2, "static").status == "pass");
  BOOST_TEST(judge(report, 1, "tsan").seconds == 1.2);
}

BOOST_AUTO_TEST_CASE(summaries_come_from_the_judge_headline_not_the_program) {
  const auto report = sample_report();
  BOOST_TEST(judge(report, 1, "functional").summary ==
             "the functional tests found 1 failing check: counter_test.cpp(42): in \"counter_tests/total\": "
             "check total == 400000 has failed [399218 != 400000]");
  BOOST_TEST(judge(report, 1, "tsan").summary ==
             "ThreadSanitizer found 1 data race: data race on global 'racelab::counter'");
  BOOST_TEST(judge(report, 2, "build").summary ==
             "did not compile: /home/student/racelab/exercises/02-print/printer.cpp:12:5: error: use of undeclared identifier 'prnt'");
  BOOST_TEST(judge(report, 2, "functional").summary == "not run: the build step failed");
  BOOST_TEST(contains(judge(report, 1, "static").summary, "time limit"));
}

BOOST_AUTO_TEST_CASE(report_json_has_judges_and_totals) {
  const auto value = lab::to_json(sample_report());
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
  BOOST_TEST(contains(table, "exercise      build    functional  tsan     static\n"), table);
  BOOST_TEST(contains(table, "1 01-counter  pass     FAIL        FAIL     timeout\n"), table);
  BOOST_TEST(contains(table, "2 02-print    FAIL     not run     not run  pass\n"), table);
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
  BOOST_TEST(contains(out.str(), "1 01-counter  pass     FAIL        pass     pass\n"), out.str());
  BOOST_TEST(contains(out.str(), "2 02-print    not in workspace"));
  BOOST_TEST(std::filesystem::exists(build / "grade" / "ctest-junit.xml"));
  std::ifstream report_file(build / "grade" / "report.json");
  std::stringstream text;
  text << report_file.rdbuf();
  const auto report = json::parse(text.str());
  BOOST_TEST(json::value_to<std::string>(report.at("exercises").at(0).at("judges").at("functional").at("status")) ==
             "FAIL");

  options.require_pass = true;
  options.out = root.path() / "elsewhere";
  std::ostringstream out2, err2;
  BOOST_TEST(lab::run_grade(options, out2, err2) == 1);
  BOOST_TEST(std::filesystem::exists(root.path() / "elsewhere" / "report.json"));
}

BOOST_AUTO_TEST_SUITE_END()
