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

BOOST_AUTO_TEST_CASE(failed_expectations_become_sentences) {
  BOOST_TEST(lab::explain_expectation("selftest.exercise3.starter.tsan", "self-test: this judge should FAIL but passed", false) ==
             "exercise 3: the starter passed ThreadSanitizer, but the exercise says it must fail "
             "(STARTER_FAILS in its registration)");
  BOOST_TEST(contains(lab::explain_expectation("selftest.exercise1.starter.static",
                                               "self-test: this judge failed, but not for the expected reason", false),
                      "exercise 1: the starter failed racelab-check, but not for the reason the exercise teaches"));
  BOOST_TEST(lab::explain_expectation("selftest.exercise5.solution.jthread.functional", "should PASS but failed", false) ==
             "exercise 5: the solution 'jthread' failed the functional tests; every solution must pass every judge");
  BOOST_TEST(contains(lab::explain_expectation("selftest.exercise2.solution.manager.tsan", "", true), "time limit"));
  BOOST_TEST(lab::explain_expectation("kit.lab_grade_tests", "", false).empty());
}

BOOST_AUTO_TEST_SUITE_END()
