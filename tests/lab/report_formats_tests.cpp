// The formats `racelab grade` writes, all from one GradeReport: Gradescope's
// results.json and SARIF checked against the fields their published schemas
// require, GitHub annotations' escaping, the Markdown table, JUnit counts, and
// a submission that does not compile costing its own exercise only.
#include "core/course.hpp"
#include "core/finding.hpp"
#include "core/judge_record.hpp"
#include "core/points.hpp"
#include "grade/course_points.hpp"
#include "grade/formats/annotations.hpp"
#include "grade/formats/gradescope.hpp"
#include "grade/formats/junit.hpp"
#include "grade/formats/markdown.hpp"
#include "grade/formats/report_files.hpp"
#include "grade/formats/report_json.hpp"
#include "grade/formats/sarif.hpp"
#include "grade/formats/table.hpp"
#include "grade/model/grade_report.hpp"
#include "grade/test_results.hpp"
#include "judge/judge.hpp"
#include "judge/static_judge.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace lab = racelab::lab;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

const fs::path samples = fs::path(RACELAB_TEST_DATA_DIR) / "grade-samples";

const std::string course_text = R"([course]
name = "formats test"
visibility = "after_due_date"

[exercise.1]
points = { build = 0, functional = 4, tsan = 3, static = 3 }

[exercise.2]
points = { build = 1, functional = 4, tsan = 2, static = 4 }
)";

using racelab::lab::testing::contains;

lab::JudgeOutcome outcome(lab::Verdict verdict, const std::string& summary = {}) {
  lab::JudgeOutcome o;
  o.verdict = verdict;
  o.summary = summary;
  o.output = verdict == lab::Verdict::pass ? "" : "what the judge printed\n";
  return o;
}

lab::GradeFinding race_finding() {
  lab::GradeFinding f;
  f.judge = lab::Judge::tsan;
  f.kind = "data race";
  f.message = "data race on global 'racelab::counter'";
  f.object = "global 'racelab::counter'";
  f.file = "exercises/01-counter/counter.cpp";
  f.line = 21;
  f.column = 5;
  f.accesses = {{"write", "exercises/01-counter/counter.cpp", 21, 5, "thread T2", {}},
                {"read", "exercises/01-counter/counter.cpp", 20, 17, "thread T1", {"M0"}}};
  return f;
}

lab::GradeFinding checker_finding() {
  lab::GradeFinding f;
  f.judge = lab::Judge::static_check;
  f.kind = "racelab-missing-lock";
  f.message = "'counter' is written here by thread 'worker' without a lock, and also accessed by thread 'worker'";
  f.file = "exercises/01-counter/counter.cpp";
  f.line = 21;
  f.column = 5;
  return f;
}

/// Exercise 1 compiled and failed TSan and the checker; exercise 2 did not
/// compile; exercise 3 is not in the course; exercise 4 is not in the workspace.
lab::GradeReport model() {
  lab::GradeReport report;
  report.source = "exercises";
  lab::ExerciseOutcome one;
  one.number = 1;
  one.folder = "01-counter";
  one.label = "exercise1";
  one.graded = true;
  one.judges[lab::Judge::build] = outcome(lab::Verdict::pass);
  one.judges[lab::Judge::functional] = outcome(lab::Verdict::pass);
  one.judges[lab::Judge::tsan] = outcome(lab::Verdict::fail, "ThreadSanitizer found 1 data race: data race on global 'racelab::counter'");
  one.judges[lab::Judge::tsan].findings = {race_finding()};
  one.judges[lab::Judge::static_check] = outcome(lab::Verdict::fail, "racelab-check found problems in your code:");
  one.judges[lab::Judge::static_check].findings = {checker_finding()};

  lab::ExerciseOutcome two;
  two.number = 2;
  two.folder = "02-print";
  two.label = "exercise2";
  two.graded = true;
  two.judges[lab::Judge::build] = outcome(lab::Verdict::fail);
  two.judges[lab::Judge::build].output =
      "[1/2] Building CXX object printer.cpp.o\n"
      "In file included from printer.cpp:1:\n"
      "exercises/02-print/printer.cpp:12:5: error: use of undeclared identifier 'prnt'\n"
      "exercises/02-print/printer.cpp:14:1: error: expected '}'\n";
  for (const auto judge : {lab::Judge::functional, lab::Judge::tsan, lab::Judge::static_check}) two.judges[judge] = outcome(lab::Verdict::not_run, "not run: the build step failed");

  lab::ExerciseOutcome three;
  three.number = 3;
  three.folder = "03-string";
  three.label = "exercise3";
  three.graded = true;
  three.judges[lab::Judge::build] = outcome(lab::Verdict::pass);

  lab::ExerciseOutcome four;
  four.number = 4;
  four.folder = "04-coroutine";
  four.label = "exercise4";
  report.exercises = {one, two, three, four};

  lab::apply_compile_failures(report);
  lab::apply_course(report, lab::parse_course(course_text, "lab/course.toml"));
  return report;
}

const lab::ExerciseOutcome& exercise(const lab::GradeReport& report, int number) {
  for (const auto& e : report.exercises) {
    if (e.number == number) return e;
  }
  throw std::runtime_error("no exercise " + std::to_string(number));
}

/// The object's keys must include every one of `required`.
void require_keys(const json::value& value, const std::vector<std::string>& required, const std::string& what) {
  BOOST_TEST_REQUIRE(value.is_object(), what << " is not an object");
  for (const auto& key : required) BOOST_TEST(value.as_object().contains(key), what << " lacks \"" << key << "\"");
}

/// At least one of `keys` (the schema's anyOf of required properties).
void require_any_key(const json::value& value, const std::vector<std::string>& keys, const std::string& what) {
  BOOST_TEST_REQUIRE(value.is_object(), what << " is not an object");
  bool found = false;
  for (const auto& key : keys) found = found || value.as_object().contains(key);
  BOOST_TEST(found, what << " has none of the properties the schema requires one of");
}

/// Every object a SARIF log of ours holds, checked against the "required" lists
/// of the SARIF 2.1.0 JSON schema (OASIS, sarif-schema-2.1.0.json, errata 01):
/// sarifLog: version, runs; run: tool; tool: driver; toolComponent: name;
/// reportingDescriptor: id; multiformatMessageString: text; result: message;
/// message: anyOf(text, id); physicalLocation: anyOf(address, artifactLocation);
/// region: startLine ≥ 1 ("minimum": 1), startColumn ≥ 1.
void check_sarif(const json::value& log) {
  require_keys(log, {"version", "runs"}, "sarifLog");
  BOOST_TEST(json::value_to<std::string>(log.at("version")) == "2.1.0");
  for (const auto& run : log.at("runs").as_array()) {
    require_keys(run, {"tool"}, "run");
    require_keys(run.at("tool"), {"driver"}, "tool");
    const auto& driver = run.at("tool").at("driver");
    require_keys(driver, {"name"}, "toolComponent");
    const auto& rules = driver.at("rules").as_array();
    for (const auto& rule : rules) {
      require_keys(rule, {"id"}, "reportingDescriptor");
      if (rule.as_object().contains("shortDescription")) {
        require_keys(rule.at("shortDescription"), {"text"}, "multiformatMessageString");
      }
    }
    for (const auto& result : run.at("results").as_array()) {
      require_keys(result, {"message"}, "result");
      require_any_key(result.at("message"), {"text", "id"}, "message");
      // ruleIndex, when given, must point at the rule named by ruleId.
      const auto index = result.at("ruleIndex").to_number<std::size_t>();
      BOOST_TEST_REQUIRE(index < rules.size());
      BOOST_TEST(rules[index].at("id") == result.at("ruleId"));
      for (const char* list : {"locations", "relatedLocations"}) {
        if (!result.as_object().contains(list)) continue;
        for (const auto& location : result.at(list).as_array()) {
          const auto& physical = location.at("physicalLocation");
          require_any_key(physical, {"address", "artifactLocation"}, "physicalLocation");
          const auto& artifact = physical.at("artifactLocation").as_object();
          const auto uri = json::value_to<std::string>(artifact.at("uri"));
          BOOST_TEST((artifact.contains("uriBaseId") ? uri.front() != '/' : uri.rfind("file://", 0) == 0), uri);
          if (physical.as_object().contains("region")) {
            const auto& region = physical.at("region").as_object();
            BOOST_TEST(region.at("startLine").to_number<int>() >= 1);
            if (region.contains("startColumn")) BOOST_TEST(region.at("startColumn").to_number<int>() >= 1);
          }
        }
      }
      if (result.as_object().contains("relatedLocations")) {
        for (const auto& location : result.at("relatedLocations").as_array()) {
          require_any_key(location.at("message"), {"text", "id"}, "message");
        }
      }
    }
  }
}

/// Gradescope's autograder specification (gradescope-autograders.readthedocs.io,
/// "Autograder Specifications", results.json): a top-level score (or a score on
/// every test), tests[] with score and max_score, status "passed" or "failed",
/// visibility one of visible, hidden, after_due_date, after_published.
void check_gradescope(const json::value& results) {
  static const std::set<std::string> visibilities{"visible", "hidden", "after_due_date", "after_published"};
  require_keys(results, {"score", "max_score", "output", "visibility", "tests"}, "results.json");
  BOOST_TEST(results.at("score").is_number());
  BOOST_TEST(visibilities.count(json::value_to<std::string>(results.at("visibility"))) == 1u);
  double sum = 0;
  for (const auto& test : results.at("tests").as_array()) {
    // status is optional (Gradescope then goes by the score): a judge that gave
    // no verdict (0 of 0 points) is neither passed nor failed.
    require_keys(test, {"name", "score", "max_score", "output", "visibility"}, "a test");
    if (test.as_object().contains("status")) {
      const auto status = json::value_to<std::string>(test.at("status"));
      BOOST_TEST((status == "passed" || status == "failed"), status);
    } else {
      BOOST_TEST(test.at("max_score").to_number<double>() == 0);
    }
    BOOST_TEST(visibilities.count(json::value_to<std::string>(test.at("visibility"))) == 1u);
    BOOST_TEST(test.at("score").to_number<double>() <= test.at("max_score").to_number<double>());
    sum += test.at("score").to_number<double>();
  }
  BOOST_TEST(sum == results.at("score").to_number<double>());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_formats_tests)

BOOST_AUTO_TEST_CASE(points_are_given_per_passed_judge) {
  const auto report = model();
  BOOST_TEST(exercise(report, 1).points() == 4);  // functional only
  BOOST_TEST(exercise(report, 1).max_points() == 10);
  BOOST_TEST(!exercise(report, 3).in_course);
  BOOST_TEST(report.points() == 4);
  BOOST_TEST(report.max_points() == 21);
  BOOST_TEST(lab::points_text(2.5) == "2.5");
  BOOST_TEST(lab::points_text(10) == "10");
}

BOOST_AUTO_TEST_CASE(a_compile_failure_costs_its_exercise_only_and_says_why) {
  const auto report = model();
  const auto& two = exercise(report, 2);
  BOOST_TEST(two.judges.at(lab::Judge::build).summary ==
             "did not compile: exercises/02-print/printer.cpp:12:5: error: use of undeclared identifier 'prnt'");
  BOOST_TEST(two.judges.at(lab::Judge::tsan).summary == "not run: did not compile");
  BOOST_TEST(two.points() == 0);
  BOOST_TEST(exercise(report, 1).points() == 4);  // untouched by exercise 2
  const auto table = lab::render_table(report, false);
  BOOST_TEST(contains(table, "exercise 2 build: did not compile: exercises/02-print/printer.cpp:12:5: error:"), table);
  BOOST_TEST(!contains(table, "exercise 2 tsan"), table);
  const auto results = lab::gradescope_results(report);
  BOOST_TEST(contains(json::value_to<std::string>(results.at("output")),
                      "Exercise 2 did not compile: exercises/02-print/printer.cpp:12:5: error: use of undeclared"));
}

BOOST_AUTO_TEST_CASE(a_perf_judge_that_could_not_measure_is_not_graded_in_every_format) {
  // ctest's JUnit for a test that ended with its SKIP_RETURN_CODE (3: the perf
  // judge could not measure), beside a perf judge that failed.
  lab::TempDir dir("racelab-formats-test");
  const auto junit = dir.path() / "ctest.xml";
  std::ofstream(junit) << R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="x" tests="3" failures="1" disabled="0" skipped="1" hostname="" time="0" timestamp="">
  <testcase name="exercise6.build" classname="exercise6.build" time="1" status="run"><system-out></system-out></testcase>
  <testcase name="exercise6.perf" classname="exercise6.perf" time="40" status="notrun">
    <skipped message="SKIP_RETURN_CODE=3"/>
    <system-out>exercise 6 — perf judge: could not measure
your threaded strategy could not be measured: the reference threaded strategy reached only 1.10× over sequential here.
</system-out>
  </testcase>
  <testcase name="exercise7.perf" classname="exercise7.perf" time="20" status="fail">
    <failure message="Failed"/>
    <system-out>exercise 7 — perf judge: FAILED
your threads strategy ran 1.00× faster than sequential
</system-out>
  </testcase>
</testsuite>
)";
  lab::GradeReport report;
  lab::apply_junit(report, junit, {});
  for (auto& e : report.exercises) {
    e.registered = {lab::Judge::build, lab::Judge::perf};
    if (e.number == 7) e.judges[lab::Judge::build] = outcome(lab::Verdict::pass);
  }
  lab::apply_course(report, lab::parse_course("[course]\nname = \"perf\"\n[exercise.6]\n"
                                              "points = { build = 1, perf = 3 }\nperf = { threaded = 0.8 }\n"
                                              "[exercise.7]\npoints = { build = 1, perf = 3 }\nperf = { threads = 0.7 }\n",
                                              "lab/course.toml"));
  const auto& perf = exercise(report, 6).judges.at(lab::Judge::perf);
  BOOST_TEST((perf.verdict == lab::Verdict::unmeasured));
  BOOST_TEST(perf.summary == lab::unmeasured_prefix +
                                 "your threaded strategy could not be measured: the reference threaded strategy "
                                 "reached only 1.10× over sequential here.");
  // No points lost or given: 0 of 0 for the perf judge, the build's point kept.
  BOOST_TEST(perf.points == 0);
  BOOST_TEST(perf.max_points == 0);
  BOOST_TEST(exercise(report, 6).max_points() == 1);
  BOOST_TEST(exercise(report, 7).judges.at(lab::Judge::perf).max_points == 3);

  const auto table = lab::render_table(report, false);
  BOOST_TEST(contains(table, "unmeasured"), table);
  BOOST_TEST(contains(table, "not graded, no points lost or given: could not measure"), table);
  const auto report_file = lab::report_json(report);
  const auto& judges = report_file.at("exercises").at(0).at("judges");
  BOOST_TEST(json::value_to<std::string>(judges.at("perf").at("status")) == "unmeasured");
  BOOST_TEST(report_file.at("totals").at("judges_unmeasured").to_number<int>() == 1);
  const auto junit_text = lab::junit_xml(report);
  BOOST_TEST(contains(junit_text, "<skipped message=\"not graded, no points lost or given: could not measure"), junit_text);
  const auto markdown = lab::markdown_summary(report);
  BOOST_TEST(contains(markdown, "not graded (could not measure) 0/0"), markdown);
  const auto results = lab::gradescope_results(report);
  check_gradescope(results);
  const auto& test = results.at("tests").at(1).as_object();  // results outlives it
  BOOST_TEST(json::value_to<std::string>(test.at("name")) == "Exercise 6 — perf");
  BOOST_TEST(!test.contains("status"));
  BOOST_TEST(contains(json::value_to<std::string>(test.at("output")), "could not measure"));
  const auto annotations = lab::github_annotations(report);
  BOOST_TEST(contains(annotations, "::warning title=exercise 6 perf::not graded"), annotations);
  BOOST_TEST(contains(annotations, "::error title=exercise 7 perf::"), annotations);
  const auto log = lab::sarif_log(report);
  check_sarif(log);
  BOOST_TEST(!log.at("runs").at(0).at("invocations").at(0).at("executionSuccessful").as_bool());  // not graded
  const auto& notes = log.at("runs").at(0).at("invocations").at(0).at("toolExecutionNotifications").as_array();
  BOOST_TEST_REQUIRE(notes.size() == 1u);
  BOOST_TEST(contains(json::value_to<std::string>(notes[0].at("message").at("text")),
                      "exercise 6 perf judge: not graded, no points lost or given"));
  // Only the failed judge makes --require-pass fail.
  BOOST_TEST(lab::any_failure(report));
  report.exercises.pop_back();
  BOOST_TEST(!lab::any_failure(report));
}

BOOST_AUTO_TEST_CASE(the_first_compiler_error_is_found_among_other_lines) {
  const auto error = lab::first_compile_error("warning: x\nfoo.cpp:3:7: fatal error: 'nope.h' file not found\n");
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(error->file == "foo.cpp");
  BOOST_TEST(error->line == 3);
  BOOST_TEST(error->column == 7);
  BOOST_TEST(error->message == "'nope.h' file not found");
  BOOST_TEST(!lab::first_compile_error("ninja: build stopped: subcommand failed.\n").has_value());
}

BOOST_AUTO_TEST_CASE(gradescope_results_have_every_required_field) {
  const auto results = lab::gradescope_results(model());
  check_gradescope(results);
  BOOST_TEST(json::value_to<std::string>(results.at("visibility")) == "after_due_date");
  const auto& tests = results.at("tests").as_array();
  BOOST_TEST(tests.size() == 8u);  // 4 judges × exercises 1 and 2; 3 and 4 do not count
  const auto& tsan = tests[2].as_object();
  BOOST_TEST(json::value_to<std::string>(tsan.at("name")) == "Exercise 1 — ThreadSanitizer");
  BOOST_TEST(json::value_to<std::string>(tsan.at("status")) == "failed");
  BOOST_TEST(tsan.at("max_score").to_number<double>() == 3);
  const auto output = json::value_to<std::string>(tsan.at("output"));
  BOOST_TEST(contains(output, "exercises/01-counter/counter.cpp:21:5: data race on global 'racelab::counter'"), output);
  BOOST_TEST(contains(output, "read at exercises/01-counter/counter.cpp:20:17 by thread T1, holding M0"), output);
}

BOOST_AUTO_TEST_CASE(sarif_has_every_property_the_schema_requires) {
  const auto log = lab::sarif_log(model());
  check_sarif(log);
  const auto& run = log.at("runs").at(0);
  BOOST_TEST(json::value_to<std::string>(run.at("tool").at("driver").at("name")) == "racelab");
  const auto& results = run.at("results").as_array();
  BOOST_TEST_REQUIRE(results.size() == 3u);  // the race, the checker's finding, the compile error
  std::set<std::string> rules;
  for (const auto& r : results) rules.insert(json::value_to<std::string>(r.at("ruleId")));
  BOOST_TEST((rules == std::set<std::string>{"tsan-data-race", "racelab-missing-lock", "build-compile-error"}));
  const auto& location = results[0].at("locations").at(0).at("physicalLocation");
  BOOST_TEST(json::value_to<std::string>(location.at("artifactLocation").at("uri")) == "exercises/01-counter/counter.cpp");
  BOOST_TEST(json::value_to<std::string>(location.at("artifactLocation").at("uriBaseId")) == "%SRCROOT%");
  BOOST_TEST(location.at("region").at("startLine").to_number<int>() == 21);
  BOOST_TEST(location.at("region").at("startColumn").to_number<int>() == 5);
  BOOST_TEST(results[0].at("relatedLocations").as_array().size() == 2u);
}

BOOST_AUTO_TEST_CASE(sarif_has_what_code_scanning_demands) {
  auto report = model();
  report.exercises[0].judges[lab::Judge::tsan].findings.push_back(race_finding());  // the same race twice
  const auto log = lab::sarif_log(report);
  const auto& run = log.at("runs").at(0);
  const auto& driver = run.at("tool").at("driver");
  BOOST_TEST(!json::value_to<std::string>(driver.at("version")).empty());
  const auto information = json::value_to<std::string>(driver.at("informationUri"));
  BOOST_TEST(information.find("file:") == std::string::npos, information);  // never this machine's path
  for (const auto& rule : driver.at("rules").as_array()) {
    const auto id = json::value_to<std::string>(rule.at("id"));
    for (const char* key : {"shortDescription", "fullDescription"}) {
      BOOST_TEST(!json::value_to<std::string>(rule.at(key).at("text")).empty(), id << " " << key);
    }
    BOOST_TEST(!json::value_to<std::string>(rule.at("help").at("text")).empty(), id);
    BOOST_TEST(!json::value_to<std::string>(rule.at("help").at("markdown")).empty(), id);
    if (rule.as_object().contains("helpUri")) {
      BOOST_TEST(json::value_to<std::string>(rule.at("helpUri")).find("://") != std::string::npos, id);
    }
    if (id == "racelab-missing-lock") {  // the checker's page of checker/docs
      BOOST_TEST(contains(json::value_to<std::string>(rule.at("help").at("markdown")), "# racelab-missing-lock\n"));
      BOOST_TEST(contains(json::value_to<std::string>(rule.at("fullDescription").at("text")),
                          "Finds data that two threads can touch at the same time"));
    }
  }
  std::set<std::string> fingerprints;
  for (const auto& result : run.at("results").as_array()) {
    const auto& prints = result.at("partialFingerprints").as_object();
    BOOST_TEST_REQUIRE(prints.size() == 1u);
    fingerprints.insert(json::value_to<std::string>(prints.begin()->value()));
  }
  BOOST_TEST(fingerprints.size() == run.at("results").as_array().size());  // the twin race has its own
  BOOST_TEST(run.at("invocations").at(0).at("executionSuccessful").as_bool());
  // Fingerprints leave the line out: a finding keeps its identity when code above it moves.
  auto moved = model();
  moved.exercises[0].judges[lab::Judge::tsan].findings[0].line += 3;
  BOOST_TEST(lab::sarif_log(moved).at("runs").at(0).at("results").at(0).at("partialFingerprints") ==
             lab::sarif_log(model()).at("runs").at(0).at("results").at(0).at("partialFingerprints"));
}

BOOST_AUTO_TEST_CASE(annotations_escape_as_github_says) {
  BOOST_TEST(lab::escape_annotation_message("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
  BOOST_TEST(lab::escape_annotation_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
  auto report = model();
  report.exercises[0].judges[lab::Judge::tsan].findings[0].file = "exercises/01-counter/we,ird:name.cpp";
  report.exercises[0].judges[lab::Judge::tsan].findings[0].message = "line one\nline two 100%";
  const auto text = lab::github_annotations(report);
  BOOST_TEST(contains(text, "::error file=exercises/01-counter/we%2Cird%3Aname.cpp,line=21,col=5,"
                            "title=exercise 1 ThreadSanitizer::line one%0Aline two 100%25\n"),
             text);
  BOOST_TEST(contains(text, "::error file=exercises/01-counter/counter.cpp,line=21,col=5,title=exercise 1 "
                            "racelab-check::'counter' is written here"),
             text);
  BOOST_TEST(contains(text, "::error file=exercises/02-print/printer.cpp,line=12,col=5,title=exercise 2 build::"
                            "use of undeclared identifier 'prnt'\n"),
             text);
  BOOST_TEST(!contains(text, "title=exercise 2 ThreadSanitizer"), text);  // follows from the build; said once
  BOOST_TEST(!contains(text, "exercise 3"), text);
}

BOOST_AUTO_TEST_CASE(markdown_has_the_table_and_the_findings) {
  const auto md = lab::markdown_summary(model());
  BOOST_TEST(contains(md, "## racelab grade: 4 of 21 points\n"), md);
  BOOST_TEST(contains(md, "| exercise | build | functional tests | ThreadSanitizer | racelab-check | points |\n"
                          "|---|---|---|---|---|---:|\n"),
             md);
  BOOST_TEST(contains(md, "| 1 `01-counter` | ✅ pass 0/0 | ✅ pass 4/4 | ❌ fail 0/3 | ❌ fail 0/3 | 4/10 |\n"), md);
  BOOST_TEST(contains(md, "| 3 `03-string` | not graded: not in the course file |"), md);
  BOOST_TEST(contains(md, "  - `exercises/01-counter/counter.cpp:21:5` data race on global 'racelab::counter'\n"), md);
  BOOST_TEST(contains(md, "- **build**: did not compile: exercises/02-print/printer.cpp:12:5:"), md);
}

BOOST_AUTO_TEST_CASE(junit_parses_and_counts_right) {
  namespace pt = boost::property_tree;
  std::istringstream text(lab::junit_xml(model()));
  pt::ptree tree;
  BOOST_REQUIRE_NO_THROW(pt::read_xml(text, tree));
  const auto& suites = tree.get_child("testsuites");
  BOOST_TEST(suites.get<int>("<xmlattr>.tests") == 8);
  BOOST_TEST(suites.get<int>("<xmlattr>.failures") == 3);  // tsan and static of 1, build of 2
  // junit-10.xsd has no `skipped` on <testsuites>; each <testsuite> counts its own.
  BOOST_TEST(!suites.get_optional<int>("<xmlattr>.skipped"));
  int skipped = 0;
  for (const auto& [tag, suite] : suites) {
    if (tag == "testsuite") skipped += suite.get<int>("<xmlattr>.skipped");
  }
  BOOST_TEST(skipped == 3);
  int suite_count = 0, testcases = 0;
  for (const auto& [tag, suite] : suites) {
    if (tag != "testsuite") continue;
    ++suite_count;
    for (const auto& [case_tag, testcase] : suite) testcases += case_tag == "testcase";
  }
  BOOST_TEST(suite_count == 2);
  BOOST_TEST(testcases == 8);
  const auto xml = lab::junit_xml(model());
  BOOST_TEST(contains(xml, "<failure type=\"failed\" message=\"ThreadSanitizer found 1 data race: data race on global "
                           "&apos;racelab::counter&apos;\">"),
             xml);
}

BOOST_AUTO_TEST_CASE(every_junit_failure_says_why_in_its_body) {
  namespace pt = boost::property_tree;
  auto report = model();
  // A failure with no finding at all: its summary must still reach the body.
  report.exercises[0].judges[lab::Judge::functional] = outcome(lab::Verdict::fail, "the functional tests found 2 failing checks");
  report.exercises[0].judges[lab::Judge::functional].max_points = 4;
  std::istringstream text(lab::junit_xml(report));
  pt::ptree tree;
  BOOST_REQUIRE_NO_THROW(pt::read_xml(text, tree));
  int failures = 0;
  for (const auto& [tag, suite] : tree.get_child("testsuites")) {
    if (tag != "testsuite") continue;
    for (const auto& [case_tag, testcase] : suite) {
      if (case_tag != "testcase" || !testcase.get_child_optional("failure")) continue;
      ++failures;
      const auto& failure = testcase.get_child("failure");
      const auto body = failure.get_value<std::string>();
      BOOST_TEST(!body.empty(), testcase.get<std::string>("<xmlattr>.name") << " fails with an empty body");
      BOOST_TEST(contains(body, failure.get<std::string>("<xmlattr>.message")), body);
    }
  }
  BOOST_TEST(failures == 4);
  BOOST_TEST(contains(lab::junit_xml(report), ">the functional tests found 2 failing checks\n</failure>"));
}

BOOST_AUTO_TEST_CASE(annotations_stop_at_githubs_limit_and_point_to_the_summary) {
  auto report = model();
  auto& findings = report.exercises[0].judges[lab::Judge::tsan].findings;
  for (int i = 0; i < 22; ++i) {
    auto f = race_finding();
    f.line = 100 + i;
    findings.push_back(f);
  }
  // 23 races, one checker finding, one build failure.
  const auto text = lab::github_annotations(report);
  std::size_t errors = 0, notices = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    errors += line.rfind("::error ", 0) == 0;
    notices += line.rfind("::notice ", 0) == 0;
  }
  BOOST_TEST(errors == lab::github_annotations_per_step);
  BOOST_TEST(notices == 1u);
  BOOST_TEST(contains(text, "::15 more findings than GitHub shows as annotations: every finding is in this job's "
                            "summary, under What to fix\n"),
             text);
  // At the limit, no notice.
  findings.resize(8);  // 8 races, the checker's, the build's: 10
  const auto ten = lab::github_annotations(report);
  BOOST_TEST(!contains(ten, "::notice"), ten);
  BOOST_TEST(std::count(ten.begin(), ten.end(), '\n') == 10);
}

BOOST_AUTO_TEST_CASE(markdown_shows_any_message_literally) {
  auto report = model();
  auto& f = report.exercises[0].judges[lab::Judge::tsan].findings[0];
  f.message = "race on std::vector<int> | `v` *here*\nsecond line & [link](x) a_b_c _not emphasis_";
  f.file = "exercises/01-counter/we`ird|name.cpp";
  report.exercises[0].judges[lab::Judge::tsan].summary = "found <b>1</b> | race";
  report.exercises[0].folder = "01-co|unter";
  const auto md = lab::markdown_summary(report);
  BOOST_TEST(contains(md, "  - ``exercises/01-counter/we`ird|name.cpp:21:5`` race on std::vector\\<int\\> \\| "
                          "\\`v\\` \\*here\\* second line \\& \\[link\\](x) a_b_c \\_not emphasis\\_\n"),
             md);
  BOOST_TEST(contains(md, "- **ThreadSanitizer**: found \\<b\\>1\\</b\\> \\| race\n"), md);
  // The table: the folder's `|` escaped inside its code span, so the row keeps its cells.
  BOOST_TEST(contains(md, "| 1 `01-co\\|unter` |"), md);
  BOOST_TEST(contains(md, "#### Exercise 1 (`01-co|unter`)"), md);
  // No line of the table has more unescaped `|` than the header.
  std::istringstream lines(md);
  std::size_t header_cells = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| ", 0) != 0) continue;
    std::size_t cells = 0;
    for (std::size_t i = 0; i < line.size(); ++i) cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    if (header_cells == 0) header_cells = cells;
    BOOST_TEST(cells == header_cells, line);
  }
}

BOOST_AUTO_TEST_CASE(a_record_adds_findings_but_never_a_pass) {
  auto report = model();
  lab::TempDir dir("racelab-records-test");
  lab::JudgeRecord passed_claim{1, lab::Judge::tsan, lab::judge_passed, "", {race_finding()}};
  lab::JudgeRecord on_a_pass{1, lab::Judge::functional, lab::judge_failed, "made up", {checker_finding()}};
  std::ofstream(lab::record_file(dir.path(), 1, lab::Judge::tsan)) << json::serialize(lab::record_to_json(passed_claim));
  std::ofstream(lab::record_file(dir.path(), 1, lab::Judge::functional)) << json::serialize(lab::record_to_json(on_a_pass));
  std::ofstream(lab::record_file(dir.path(), 2, lab::Judge::static_check)) << "{ not json";
  report.exercises[0].judges[lab::Judge::tsan].findings.clear();
  lab::apply_judge_records(report, dir.path());
  lab::apply_course(report, lab::parse_course(course_text, "lab/course.toml"));
  BOOST_TEST(report.exercises[0].judges[lab::Judge::tsan].verdict == lab::Verdict::fail);
  BOOST_TEST(report.exercises[0].judges[lab::Judge::tsan].findings.size() == 1u);
  BOOST_TEST(report.exercises[0].judges[lab::Judge::functional].findings.empty());
  BOOST_TEST(report.exercises[0].judges[lab::Judge::functional].verdict == lab::Verdict::pass);
  BOOST_TEST(report.points() == 4);
}

BOOST_AUTO_TEST_CASE(checker_json_becomes_findings) {
  const auto findings = lab::checker_findings_from_json(
      "3 warnings generated.\n[{\"file\": \"/w/counter.cpp\", \"line\": 21, \"column\": 5, \"check\": "
      "\"racelab-missing-lock\", \"severity\": \"warning\", \"message\": \"'counter' is written\", \"notes\": "
      "[{\"file\": \"/w/counter.cpp\", \"line\": 9, \"column\": 3, \"message\": \"other access\"}]}]\n");
  BOOST_TEST_REQUIRE(findings.size() == 1u);
  BOOST_TEST(findings[0].kind == "racelab-missing-lock");
  BOOST_TEST(findings[0].line == 21);
  BOOST_TEST(findings[0].notes.at(0) == "/w/counter.cpp:9:3: note: other access");
  BOOST_TEST(lab::checker_findings_from_json("racelab-check: error: no such file").empty());
}

// The ThreadSanitizer judge, asked for a record, writes the race as data; the
// program it judges does not see where records go.
BOOST_AUTO_TEST_CASE(the_tsan_judge_records_its_findings) {
  lab::TempDir dir("racelab-records-test");
  ::setenv(lab::results_dir_variable, dir.path().c_str(), 1);
  lab::JudgeOptions o;
  o.judge = lab::Judge::tsan;
  o.exercise = 7;
  o.sources = RACELAB_TEST_HELPERS_DIR;
  o.timeout_seconds = 60;
  o.command = {RACELAB_TEST_RACY_PROGRAM};
  std::ostringstream out;
  const int status = lab::run_judge(o, out);
  ::unsetenv(lab::results_dir_variable);
  BOOST_TEST(status == 1, out.str());
  std::ifstream in(lab::record_file(dir.path(), 7, lab::Judge::tsan));
  std::stringstream text;
  text << in.rdbuf();
  const auto record = lab::record_from_json(json::parse(text.str()));
  BOOST_TEST(record.verdict == lab::judge_failed);
  BOOST_TEST(contains(text.str(), "\"verdict\":\"failed\""), text.str());
  BOOST_TEST(contains(record.summary, "ThreadSanitizer found 1 data race"), record.summary);
  BOOST_TEST_REQUIRE(record.findings.size() == 1u);
  const auto& race = record.findings[0];
  BOOST_TEST(race.kind == "data race");
  BOOST_TEST(race.object == "global 'racelab::counter'");
  BOOST_TEST(contains(race.file, "lab_racy_program.cpp"));
  BOOST_TEST(fs::path(race.file).is_absolute());
  BOOST_TEST(race.line > 0);
  BOOST_TEST_REQUIRE(race.accesses.size() == 2u);
  BOOST_TEST(!race.accesses[0].thread.empty());
}

BOOST_AUTO_TEST_CASE(the_samples_give_valid_formats) {
  auto report = lab::read_manifest(samples / "racelab-exercises.json");
  lab::apply_junit(report, samples / "ctest-junit.xml", {"exercise1.static"});
  lab::apply_compile_failures(report);
  lab::apply_course(report, lab::parse_course(course_text, "lab/course.toml"));
  check_gradescope(lab::gradescope_results(report));
  check_sarif(lab::sarif_log(report));
  const auto& two = exercise(report, 2);
  BOOST_TEST(contains(two.judges.at(lab::Judge::build).summary, "did not compile: "));
  BOOST_TEST(contains(two.judges.at(lab::Judge::build).summary, "printer.cpp:12:5: error: use of undeclared identifier 'prnt'"));
  BOOST_TEST(two.judges.at(lab::Judge::functional).summary == "not run: did not compile");
  std::istringstream xml(lab::junit_xml(report));
  boost::property_tree::ptree tree;
  BOOST_REQUIRE_NO_THROW(boost::property_tree::read_xml(xml, tree));
  lab::TempDir out("racelab-formats-test");
  const auto written = lab::write_reports(report, out.path());
  BOOST_TEST(written.size() == 6u);
  for (const auto* name : {"report.json", "junit.xml", "results.json", "summary.md", "annotations.txt", "racelab.sarif"}) {
    BOOST_TEST(fs::exists(out.path() / name), name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
