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

/// The one line of a refused command line: "racelab …: error: … (see racelab … --help)".
void check_refused(const std::vector<std::string>& args, const std::string& wanted) {
  const auto r = run(args);
  BOOST_TEST(r.status == 2, r.err);
  BOOST_TEST(r.out.empty(), r.out);
  BOOST_TEST(contains(r.err, wanted), r.err);
  BOOST_TEST(r.err.find('\n') == r.err.size() - 1, "not one line: " << r.err);
}

BOOST_AUTO_TEST_CASE(an_unknown_option_or_command_is_named) {
  check_refused({"--bogus"}, "racelab: error: unknown option '--bogus'");
  check_refused({"frobnicate"}, "racelab: error: unknown command 'frobnicate' (the commands: list, judge, grade");
  check_refused({"--bogus", "grade"}, "unknown option '--bogus'");
  check_refused({"grade", "--bogus"}, "racelab grade: error: unknown option '--bogus' (see racelab grade --help)");
  check_refused({"list", "stray"}, "racelab list: error: unexpected argument 'stray'");
}

BOOST_AUTO_TEST_CASE(every_command_has_a_version) {
  for (const char* command : {"list", "judge", "grade", "assign", "verify", "bench"}) {
    const auto r = run({command, "--version"});
    BOOST_TEST(r.status == 0, command);
    BOOST_TEST(r.out.rfind("racelab ", 0) == 0u, command << ": " << r.out);
  }
  // Which compiler built it: a report about the tool needs it.
  BOOST_TEST(contains(run({"--version"}).out, "(built with "), run({"--version"}).out);
}

BOOST_AUTO_TEST_CASE(numeric_options_say_what_they_take) {
  check_refused({"bench", "--workers", "abc"}, "--workers: expects a whole number from 1 to 1024, not 'abc'");
  check_refused({"bench", "--workers", "0"}, "--workers: expects a whole number from 1 to 1024, not '0'");
  check_refused({"bench", "--workers", "1,2,x"}, "not 'x'");
  check_refused({"bench", "--reps", "-1"}, "--reps: expects a whole number from 1 to 1000, not '-1'");
  check_refused({"bench", "--warmup", "1.5"}, "--warmup: expects a whole number from 0 to 100, not '1.5'");
  check_refused({"bench", "--budget", "0"}, "--budget: expects a number above 0, not '0'");
  check_refused({"bench", "--noise", "20"}, "--noise: expects a number from 0.01 to 10, not '20'");
  check_refused({"grade", "--batch", ".", "-j", "abc"}, "expects a whole number from 1 to 256, not 'abc'");
  check_refused({"judge", "tsan", "--exercise", "1", "--timeout", "nan", "--", fake},
                "--timeout: expects a number above 0, not 'nan'");
  check_refused({"judge", "tsan", "--exercise", "x", "--", fake}, "--exercise: expects a whole number from 1 to 99");
  check_refused({"judge", "tsan", "--exercise", "1", "--memory-limit", "-5", "--", fake},
                "--memory-limit: expects a whole number of at least 1, not '-5'");
  // Nothing printed as a range of doubles, whatever the option.
  for (const auto& args : std::vector<std::vector<std::string>>{{"bench", "--workers", "abc"},
                                                                {"judge", "tsan", "--exercise", "1", "--cpu-limit", "0", "--", fake}}) {
    BOOST_TEST(!contains(run(args).err, "e+308"), run(args).err);
  }
}

BOOST_AUTO_TEST_CASE(judge_runs_the_command_after_the_separator) {
  const auto pass = run({"judge", "functional", "--exercise", "4", "--readme", "/x/README.md", "--sources", "/x",
                         "--timeout", "10", "--", fake, "boost-pass"});
  BOOST_TEST(pass.status == 0);
  // By default the functional judge runs the grader five times, each with its own seed.
  BOOST_TEST(pass.out == "exercise 4 — functional tests judge: passed\nnote: all 5 runs passed (seeds 1 to 5)\n");
  const auto replay = run({"judge", "functional", "--exercise", "4", "--seed", "7", "--", fake, "boost-pass"});
  BOOST_TEST(replay.out == "exercise 4 — functional tests judge: passed\nnote: one run, with seed 7\n");
  const auto two = run({"judge", "tsan", "--exercise", "4", "--runs", "2", "--", fake, "boost-pass"});
  BOOST_TEST(contains(two.out, "note: all 2 runs passed (seeds 1 to 2)\n"), two.out);
  BOOST_TEST(run({"judge", "functional", "--exercise", "4", "--seed", "7", "--runs", "2", "--", fake}).status == 2);
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
