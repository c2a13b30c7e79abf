// `racelab stress`: ctest's listing read, the tally printed, and the command
// itself on exercise 2 — the starter fails every functional run, a solution
// passes every run of every judge.
#include "core/ctest.hpp"
#include "core/text.hpp"
#include "grade/stress.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path kit = RACELAB_TEST_KIT_DIR;
using racelab::lab::testing::contains;
using racelab::lab::testing::read;

struct Ran {
  lab::RunResult result;
  std::string output;
};

Ran stress(const std::vector<std::string>& arguments, const fs::path& dir) {
  lab::RunRequest request;
  request.command = {RACELAB_TEST_RACELAB, "stress"};
  request.command.insert(request.command.end(), arguments.begin(), arguments.end());
  request.output_file = dir / "stress-output.txt";
  request.time_limit = std::chrono::minutes(25);
  Ran ran{lab::run_process(request), ""};
  ran.output = read(request.output_file);
  return ran;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stress_tests)

BOOST_AUTO_TEST_CASE(ctest_listing_gives_each_test_its_command_environment_and_timeout) {
  const auto tests = lab::parse_ctest_listing(R"({"kind":"ctestInfo","version":{"major":1,"minor":0},
    "tests":[{"name":"exercise2.build","command":["/usr/bin/cmake","--build","b"]},
             {"name":"exercise2.functional","command":["/b/racelab","judge","functional","--","/b/ex2"],
              "properties":[{"name":"ENVIRONMENT","value":["BOOST_TEST_COLOR_OUTPUT=no"]},
                            {"name":"LABELS","value":["exercise2"]},{"name":"TIMEOUT","value":300.0}]}]})");
  BOOST_TEST_REQUIRE(tests.size() == 2u);
  BOOST_TEST(tests[1].name == "exercise2.functional");
  BOOST_TEST(tests[1].command == (std::vector<std::string>{"/b/racelab", "judge", "functional", "--", "/b/ex2"}),
             boost::test_tools::per_element());
  BOOST_TEST(tests[1].environment == std::vector<std::string>{"BOOST_TEST_COLOR_OUTPUT=no"},
             boost::test_tools::per_element());
  BOOST_TEST(tests[1].timeout_seconds == 300.0);
  BOOST_TEST(tests[0].timeout_seconds == 0.0);
  BOOST_CHECK_THROW(lab::parse_ctest_listing("No tests were found"), lab::CtestError);
}

BOOST_AUTO_TEST_CASE(tallies_show_passes_failing_seeds_and_the_replay) {
  // The replay is a line to paste into a shell.
  BOOST_TEST(lab::shell_line({"/b/racelab", "--checks=racelab-*", "a b", "it's"}) ==
             "/b/racelab '--checks=racelab-*' 'a b' 'it'\\''s'");
  lab::StressTally functional{"functional", 3, 1, 0, {4, 6}, true, false, "racelab judge functional --seed 4 -- ex2"};
  lab::StressTally static_judge{"static", 1, 1, 0, {}, false, true, ""};
  const auto text = lab::render_tallies(2, 3, 4, {functional, static_judge});
  BOOST_TEST(text ==
                 "exercise 2: 3 runs of each judge, seeds 4 to 6\n"
                 "  functional   1/3 passed   failing seeds: 4 6\n"
                 "  static       1/1 passed   (run once: it reads the code, whatever the schedule)\n"
                 "Replay the functional run with seed 4:\n"
                 "  racelab judge functional --seed 4 -- ex2\n",
             text);
}

// The command end to end, in a workspace of its own (about two minutes: it
// configures a build and builds exercise 2 twice).
BOOST_AUTO_TEST_CASE(starter_fails_every_functional_run_and_a_solution_passes_every_run) {
  lab::TempDir dir("racelab-stress-test");
  const auto workspace = dir.path() / "workspace";
  fs::create_directories(workspace);
  fs::copy(kit / "exercises/02-print-interleaving", workspace / "02-print-interleaving", fs::copy_options::recursive);
  const std::vector<std::string> where{"--build", (dir.path() / "build").string(), workspace.string()};

  auto arguments = std::vector<std::string>{"-n", "3", "--exercise", "2", "--judge", "functional"};
  arguments.insert(arguments.end(), where.begin(), where.end());
  const auto starter = stress(arguments, dir.path());
  BOOST_TEST(starter.result.exited_with(1), starter.output);
  BOOST_TEST(contains(starter.output, "exercise 2: 3 runs of each judge, seeds 1 to 3\n"), starter.output);
  BOOST_TEST(contains(starter.output, "  functional   0/3 passed   failing seeds: 1 2 3\n"), starter.output);
  BOOST_TEST(contains(starter.output, "Replay the functional run with seed 1:\n  "), starter.output);
  BOOST_TEST(contains(starter.output, " judge functional --exercise 2 "), starter.output);
  BOOST_TEST(contains(starter.output, " --seed 1 -- "), starter.output);
  // Only the judge asked for: no TSan row, no TSan run (the replay command may
  // name the TSan build among the policy's compile targets).
  BOOST_TEST(!contains(starter.output, "\n  tsan "), starter.output);
  BOOST_TEST(!contains(starter.output, ": tsan"), starter.output);

  fs::copy_file(kit / "solutions/02-print-interleaving/manager/printer.cpp",
                workspace / "02-print-interleaving/printer.cpp", fs::copy_options::overwrite_existing);
  arguments = {"-n", "3", "--exercise", "2", "--seed", "10"};
  arguments.insert(arguments.end(), where.begin(), where.end());
  const auto solution = stress(arguments, dir.path());
  BOOST_TEST(solution.result.exited_with(0), solution.output);
  BOOST_TEST(contains(solution.output, "exercise 2: 3 runs of each judge, seeds 10 to 12\n"), solution.output);
  BOOST_TEST(contains(solution.output, "  functional   3/3 passed\n"), solution.output);
  BOOST_TEST(contains(solution.output, "  tsan         3/3 passed\n"), solution.output);
  BOOST_TEST(contains(solution.output, "  static       1/1 passed"), solution.output);
}

BOOST_AUTO_TEST_CASE(a_missing_build_is_an_error) {
  lab::TempDir dir("racelab-stress-test");
  const auto ran = stress({"-n", "1", "--exercise", "2", "--build", (dir.path() / "nothing").string()}, dir.path());
  BOOST_TEST(ran.result.exited_with(2));
  BOOST_TEST(contains(ran.output, "racelab stress: no build folder"), ran.output);
}

BOOST_AUTO_TEST_SUITE_END()
