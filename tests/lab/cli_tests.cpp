// The command line: help, version, argument errors, and a judge end to end.
#include "commands/cli.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace lab = racelab::lab;

namespace {

struct Ran {
  int status;
  std::string out, err;
};

Ran run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = lab::run_cli(args, out, err);
  return {status, out.str(), err.str()};
}

using racelab::lab::testing::contains;

const std::string fake = RACELAB_TEST_FAKE_PROGRAM;

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_tests)

BOOST_AUTO_TEST_CASE(help_lists_the_subcommands) {
  const auto r = run({"--help"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(contains(r.out, "judge"));
  BOOST_TEST(contains(r.out, "grade"));
}

BOOST_AUTO_TEST_CASE(subcommand_help_lists_the_options) {
  const auto judge = run({"judge", "--help"});
  BOOST_TEST(judge.status == 0);
  BOOST_TEST(contains(judge.out, "--exercise"));
  BOOST_TEST(contains(judge.out, "--sources"));
  const auto grade = run({"grade", "--help"});
  BOOST_TEST(grade.status == 0);
  BOOST_TEST(contains(grade.out, "--require-pass"));
}

BOOST_AUTO_TEST_CASE(version_is_printed) {
  const auto r = run({"--version"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.rfind("racelab ", 0) == 0u, r.out);
}

BOOST_AUTO_TEST_CASE(bad_arguments_exit_2) {
  BOOST_TEST(run({}).status == 2);
  BOOST_TEST(run({"judge", "bogus", "--exercise", "1", "--", fake}).status == 2);
  BOOST_TEST(run({"judge", "functional", "--", fake}).status == 2);  // no --exercise
  BOOST_TEST(run({"judge", "functional", "--exercise", "1"}).status == 2);  // no command
}

BOOST_AUTO_TEST_CASE(judge_runs_the_command_after_the_separator) {
  const auto pass = run({"judge", "functional", "--exercise", "4", "--readme", "/x/README.md", "--sources", "/x",
                         "--timeout", "10", "--", fake, "boost-pass"});
  BOOST_TEST(pass.status == 0);
  BOOST_TEST(pass.out == "exercise 4 — functional tests judge: passed\n");
  const auto fail = run({"judge", "functional", "--exercise", "4", "--timeout", "10", "--", fake, "exit", "3"});
  BOOST_TEST(fail.status == 1);
  BOOST_TEST(contains(fail.out, "exercise 4 — functional tests judge: FAILED\nexited with code 3\n"));
}

BOOST_AUTO_TEST_CASE(grade_without_a_build_folder_exits_2) {
  const auto r = run({"grade", "--build", "/nonexistent/racelab-build"});
  BOOST_TEST(r.status == 2);
  BOOST_TEST(contains(r.err, "no build folder /nonexistent/racelab-build"));
}

BOOST_AUTO_TEST_SUITE_END()
