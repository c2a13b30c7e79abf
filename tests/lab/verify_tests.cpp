// `racelab verify`: the checks that need no build, on a scratch copy of the
// kit's exercise 1, and the sentences a failed self-test expectation becomes.
// The full run (build + every starter and solution through every judge) takes
// many minutes; it is checked by hand (lab/README.md).

#include "kit/verify.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path kit = RACELAB_TEST_KIT_DIR;

using racelab::lab::testing::contains;

/// What verify needs of exercise 1, copied from the kit.
struct ScratchKit {
  lab::TempDir dir{"racelab-verify"};
  ScratchKit() {
    for (const char* part : {"exercises/01-counter", "solutions/01-counter", "tests/exercises/01-counter"}) {
      fs::create_directories(root() / part);
      fs::copy(kit / part, root() / part, fs::copy_options::recursive);
    }
    fs::create_directories(root() / "lab");
    fs::create_directories(root() / "cmake");
    fs::copy_file(kit / "lab/course.toml", root() / "lab/course.toml");
    fs::copy_file(kit / "cmake/RacelabExercise.cmake", root() / "cmake/RacelabExercise.cmake");
  }
  [[nodiscard]] fs::path root() const { return dir.path(); }
  int verify(std::string& out) const {
    std::ostringstream o, e;
    lab::VerifyOptions options;
    options.kit = root();
    options.exercises = {1};
    options.static_only = true;
    const int status = lab::run_verify(options, o, e);
    out = o.str() + e.str();
    return status;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(verify_tests)

BOOST_AUTO_TEST_CASE(the_kits_exercise_passes) {
  ScratchKit scratch;
  std::string out;
  BOOST_TEST(scratch.verify(out) == 0, out);
  BOOST_TEST(contains(out, "all good"));
}

BOOST_AUTO_TEST_CASE(a_starter_replaced_by_its_solution_fails_naming_the_exercise) {
  ScratchKit scratch;
  fs::copy_file(scratch.root() / "solutions/01-counter/mutex/counter.cpp", scratch.root() / "exercises/01-counter/counter.cpp",
                fs::copy_options::overwrite_existing);
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "exercise 1: the starter is the same as the solution 'mutex'"), out);
}

BOOST_AUTO_TEST_CASE(stray_and_missing_files_are_named) {
  ScratchKit scratch;
  std::ofstream(scratch.root() / "exercises/01-counter/answer.cpp") << "// left behind\n";
  std::ofstream(scratch.root() / "solutions/01-counter/atomic/scratch.txt") << "x\n";
  fs::remove(scratch.root() / "solutions/01-counter/NOTES.md");
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "exercise 1: stray file exercises/01-counter/answer.cpp"), out);
  BOOST_TEST(contains(out, "exercise 1: stray file solutions/01-counter/atomic/scratch.txt"), out);
  BOOST_TEST(contains(out, "exercise 1: solutions/01-counter/NOTES.md is missing"), out);
}

BOOST_AUTO_TEST_CASE(a_readme_without_hints_is_named) {
  ScratchKit scratch;
  std::ofstream(scratch.root() / "exercises/01-counter/README.md", std::ios::trunc) << "# Exercise 1\n\nNo help here.\n";
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "exercise 1: exercises/01-counter/README.md has no \"## Hints\" section"), out);
}

/// Replaces `from` by `to` in the scratch kit's file `path`; the test fails when `from` is not there.
void edit(const ScratchKit& scratch, const std::string& path, const std::string& from, const std::string& to) {
  std::string text = racelab::lab::testing::read(scratch.root() / path);
  const auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, path + " holds no '" + from + "'");
  text.replace(at, from.size(), to);
  std::ofstream(scratch.root() / path, std::ios::trunc) << text;
}

BOOST_AUTO_TEST_CASE(a_readme_judge_table_unlike_the_manifest_is_named) {
  ScratchKit scratch;
  edit(scratch, "exercises/01-counter/README.md", "| `exercise1.tsan` |", "| `exercise1.perf` |");
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "exercise 1: exercises/01-counter/README.md's table of tests lists the judges build, "
                           "functional, perf, static, but the exercise has build, functional, static, tsan (from "
                           "tests/exercises/01-counter/exercise.json (perf: absent))"), out);
}

BOOST_AUTO_TEST_CASE(a_hint_count_or_title_unlike_the_manifest_is_named) {
  ScratchKit scratch;
  edit(scratch, "tests/exercises/01-counter/exercise.json", "\"hints\": 5", "\"hints\": 6");
  edit(scratch, "tests/exercises/01-counter/exercise.json", "\"title\": \"The unsynchronized counter\"",
       "\"title\": \"The counter\"");
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "\"## Hints\" section numbers 5 hints, but tests/exercises/01-counter/exercise.json "
                           "(hints: 6) says otherwise"), out);
  BOOST_TEST(contains(out, "README.md does not start with \"# Exercise 1 — The counter\" "
                           "(tests/exercises/01-counter/exercise.json (title: \"The counter\"))"), out);
}

BOOST_AUTO_TEST_CASE(a_course_unlike_the_manifest_is_named) {
  ScratchKit scratch;
  edit(scratch, "lab/course.toml", "points = { build = 0, functional = 4, tsan = 3, static = 3 }",
       "points = { build = 0, functional = 4, tsan = 3, static = 3, perf = 1 }\nperf = { threads = 0.7 }");
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "[exercise.1] gives points to the perf judge, which "
                           "tests/exercises/01-counter/exercise.json (perf: absent) does not have"), out);
  BOOST_TEST(contains(out, "[exercise.1] sets perf thresholds for threads, but the strategies are none"), out);
}

BOOST_AUTO_TEST_CASE(a_solution_folder_unlike_the_manifest_is_named) {
  ScratchKit scratch;
  edit(scratch, "tests/exercises/01-counter/exercise.json", "\"solutions\": [\"mutex\", \"atomic\", \"manager\"]",
       "\"solutions\": [\"mutex\", \"atomic\", \"monitor\"]");
  std::string out;
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "exercise 1: no solution folder solutions/01-counter/monitor (listed in \"solutions\" in "
                           "tests/exercises/01-counter/exercise.json)"), out);
  BOOST_TEST(contains(out, "exercise 1: stray solutions/01-counter/manager/: not an approach listed in \"solutions\""), out);
}

BOOST_AUTO_TEST_CASE(the_kit_readme_row_unlike_the_manifest_is_named) {
  ScratchKit scratch;
  fs::copy_file(kit / "README.md", scratch.root() / "README.md");
  std::string out;
  BOOST_TEST(scratch.verify(out) == 0, out);
  edit(scratch, "tests/exercises/01-counter/exercise.json", "\"tsan\": \"data race on global 'racelab::counter'\",", "");
  BOOST_TEST(scratch.verify(out) == 1, out);
  BOOST_TEST(contains(out, "exercise 1: README.md's row of the exercise is not \"| 1 `01-counter` | workers increment a "
                           "shared counter and lose updates | functional, static |\""), out);
}

BOOST_AUTO_TEST_CASE(a_perf_strategy_the_adapter_does_not_register_is_named) {
  ScratchKit scratch;
  for (const char* part : {"exercises/07-waiters-and-tables", "solutions/07-waiters-and-tables",
                           "tests/exercises/07-waiters-and-tables"}) {
    fs::create_directories(scratch.root() / part);
    fs::copy(kit / part, scratch.root() / part, fs::copy_options::recursive);
  }
  edit(scratch, "tests/exercises/07-waiters-and-tables/exercise.json", "\"strategies\": [\"threads\", \"coroutines\"]",
       "\"strategies\": [\"threads\", \"fibres\"]");
  std::ostringstream o, e;
  lab::VerifyOptions options;
  options.kit = scratch.root();
  options.exercises = {7};
  options.static_only = true;
  BOOST_TEST(lab::run_verify(options, o, e) == 1, o.str() + e.str());
  BOOST_TEST(contains(o.str(), "exercise 7: tests/exercises/07-waiters-and-tables/perf_adapter.cpp registers no strategy "
                               "\"fibres\" (tests/exercises/07-waiters-and-tables/exercise.json (perf.strategies: "
                               "fibres, threads))"), o.str());
  BOOST_TEST(contains(o.str(), "[exercise.7] sets perf thresholds for coroutines, threads, but the strategies are "
                               "fibres, threads"), o.str());
}

BOOST_AUTO_TEST_CASE(failed_expectations_become_sentences) {
  BOOST_TEST(lab::explain_expectation("selftest.exercise3.starter.tsan", "self-test: this judge should FAIL but passed", false) ==
             "exercise 3: the starter passed ThreadSanitizer, but the exercise says it must fail "
             "(starter.fails in its exercise.json)");
  BOOST_TEST(contains(lab::explain_expectation("selftest.exercise1.starter.static",
                                               "self-test: this judge failed, but not for the expected reason", false),
                      "exercise 1: the starter failed racelab-check, but not for the reason the exercise teaches"));
  BOOST_TEST(lab::explain_expectation("selftest.exercise5.solution.jthread.functional", "should PASS but failed", false) ==
             "exercise 5: the solution 'jthread' failed the functional tests; every solution must pass every judge");
  BOOST_TEST(contains(lab::explain_expectation("selftest.exercise2.solution.manager.tsan", "", true), "time limit"));
  BOOST_TEST(lab::explain_expectation("kit.lab_grade_tests", "", false).empty());
}

BOOST_AUTO_TEST_SUITE_END()
