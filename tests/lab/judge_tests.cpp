// The judges' verdicts: what passes, what fails, and what the student reads.
#include "core/display_path.hpp"
#include "core/judge_headline.hpp"
#include "judge/judge.hpp"
#include "judge/tsan_suppressions.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

namespace lab = racelab::lab;

namespace {

struct Verdict {
  int status;
  std::string text;
};

Verdict judge(lab::Judge kind, std::vector<std::string> command, double timeout = 30) {
  lab::JudgeOptions o;
  o.judge = kind;
  o.exercise = 7;
  o.readme = "/nowhere/exercises/07-test/README.md";
  o.sources = RACELAB_TEST_HELPERS_DIR;
  o.timeout_seconds = timeout;
  o.command = std::move(command);
  std::ostringstream out;
  const int status = lab::run_judge(o, out);
  return {status, out.str()};
}

using racelab::lab::testing::contains;

const std::string fake = RACELAB_TEST_FAKE_PROGRAM;

}  // namespace

BOOST_AUTO_TEST_SUITE(judge_tests)

BOOST_AUTO_TEST_CASE(tsan_judge_fails_a_racy_program_and_names_the_variable) {
  const auto v = judge(lab::Judge::tsan, {RACELAB_TEST_RACY_PROGRAM});
  BOOST_TEST(v.status == 1);
  BOOST_TEST(v.text.rfind("exercise 7 — ThreadSanitizer judge: FAILED\nThreadSanitizer found 1 data race", 0) == 0u,
             v.text);
  BOOST_TEST(contains(v.text, "data race on global 'racelab::counter'"));
  // Frames are shown relative to --sources.
  BOOST_TEST(contains(v.text, " at lab_racy_program.cpp:"));
  BOOST_TEST(contains(v.text, "in racelab::worker(long)"));
  BOOST_TEST(contains(v.text, "What to do: read the hints in /nowhere/exercises/07-test/README.md"));
  // Summary first, the raw report after it.
  const auto summary = v.text.find("data race on global");
  const auto raw = v.text.find("--- raw ThreadSanitizer report ---");
  BOOST_TEST_REQUIRE(raw != std::string::npos);
  BOOST_TEST(summary < raw);
  BOOST_TEST(contains(v.text.substr(raw), "WARNING: ThreadSanitizer: data race"));
}

BOOST_AUTO_TEST_CASE(tsan_judge_cannot_be_silenced_through_the_environment) {
  ::setenv("TSAN_OPTIONS", "report_bugs=0 exitcode=0 log_path=stderr", 1);
  const auto v = judge(lab::Judge::tsan, {RACELAB_TEST_RACY_PROGRAM});
  ::unsetenv("TSAN_OPTIONS");
  BOOST_TEST(v.status == 1);
  BOOST_TEST(contains(v.text, "data race on global 'racelab::counter'"));
}

BOOST_AUTO_TEST_CASE(tsan_judge_passes_failed_checks_without_a_report_with_a_note) {
  const auto v = judge(lab::Judge::tsan, {RACELAB_TEST_CLEAN_PROGRAM});
  BOOST_TEST(v.status == 0, v.text);
  BOOST_TEST(v.text.rfind("exercise 7 — ThreadSanitizer judge: passed\n", 0) == 0u);
  BOOST_TEST(contains(v.text, "failed its functional checks"));
}

BOOST_AUTO_TEST_CASE(tsan_judge_ignores_a_report_the_program_prints_itself) {
  const auto v = judge(lab::Judge::tsan, {fake, "fake-tsan"});
  BOOST_TEST(v.status == 0, v.text);
  BOOST_TEST(!contains(v.text, "forged"));
}

BOOST_AUTO_TEST_CASE(tsan_judge_reruns_without_aslr_when_tsan_cannot_map_memory) {
  const auto v = judge(lab::Judge::tsan, {fake, "aslr"});
  BOOST_TEST(v.status == 0, v.text);
  BOOST_TEST(contains(v.text, "ThreadSanitizer judge: passed"));
  BOOST_TEST(contains(v.text, "run again with it turned off (ADDR_NO_RANDOMIZE)"));
  // The second run (exit 0) is the one judged, not the first (exit 66).
  BOOST_TEST(!contains(v.text, "exit code 66"));
}

BOOST_AUTO_TEST_CASE(tsan_judge_fails_a_hang_and_a_crash) {
  const auto hang = judge(lab::Judge::tsan, {fake, "sleep-forever"}, 1);
  BOOST_TEST(hang.status == 1);
  BOOST_TEST(contains(hang.text, "timed out after 1 s — possible deadlock or endless loop"));
  const auto crash = judge(lab::Judge::tsan, {fake, "segv"});
  BOOST_TEST(crash.status == 1);
  BOOST_TEST(contains(crash.text, "crashed: SIGSEGV (segmentation fault"));
}

BOOST_AUTO_TEST_CASE(functional_judge_passes_a_finished_passing_run) {
  const auto v = judge(lab::Judge::functional, {fake, "boost-pass"});
  BOOST_TEST(v.status == 0);
  BOOST_TEST(v.text == "exercise 7 — functional tests judge: passed\n");
}

BOOST_AUTO_TEST_CASE(functional_judge_shows_failed_assertions_first) {
  const auto v = judge(lab::Judge::functional, {fake, "boost-fail"});
  BOOST_TEST(v.status == 1);
  const std::string expected =
      "exercise 7 — functional tests judge: FAILED\n"
      "the functional tests found 1 failing check:\n"
      "  counter_test.cpp(42): in \"counter_tests/four_workers_count_everything\": check total == 400000 "
      "has failed [399218 != 400000]\n"
      "What to do: read the hints in /nowhere/exercises/07-test/README.md\n"
      "--- test output ---\n";
  BOOST_TEST(v.text.rfind(expected, 0) == 0u, v.text);
}

BOOST_AUTO_TEST_CASE(functional_judge_names_hangs_and_crashes) {
  const auto hang = judge(lab::Judge::functional, {fake, "sleep-forever"}, 1);
  BOOST_TEST(hang.status == 1);
  BOOST_TEST(contains(hang.text, "FAILED\ntimed out after 1 s — possible deadlock or endless loop\n"));
  const auto crash = judge(lab::Judge::functional, {fake, "segv"});
  BOOST_TEST(crash.status == 1);
  BOOST_TEST(contains(crash.text, "FAILED\ncrashed: SIGSEGV (segmentation fault"));
  const auto flood = judge(lab::Judge::functional, {fake, "flood"});
  BOOST_TEST(flood.status == 1);
  BOOST_TEST(contains(flood.text, "crashed: SIGXFSZ (output limit exceeded"));
  BOOST_TEST(flood.text.size() < 80'000u);
}

BOOST_AUTO_TEST_CASE(static_judge_verdicts) {
  BOOST_TEST(judge(lab::Judge::static_check, {fake, "exit", "0"}).status == 0);
  const auto findings = judge(lab::Judge::static_check, {fake, "exit", "1"});
  BOOST_TEST(findings.status == 1);
  BOOST_TEST(contains(findings.text, "racelab-check judge: FAILED\nracelab-check found problems in your code:"));
  const auto broken = judge(lab::Judge::static_check, {fake, "exit", "2"});
  BOOST_TEST(broken.status == 1);
  BOOST_TEST(contains(broken.text, "racelab-check could not analyse your code:"));
  const auto crashed = judge(lab::Judge::static_check, {fake, "segv"});
  BOOST_TEST(crashed.status == 1);
  BOOST_TEST(contains(crashed.text, "could not analyse your code: crashed: SIGSEGV"));
}

BOOST_AUTO_TEST_CASE(missing_program_is_a_judge_error) {
  for (auto kind : {lab::Judge::functional, lab::Judge::tsan, lab::Judge::static_check}) {
    const auto v = judge(kind, {"/nonexistent/racelab-check"});
    BOOST_TEST(v.status == 2);
    BOOST_TEST(contains(v.text, "judge: could not run"));
  }
}

BOOST_AUTO_TEST_CASE(readme_is_shown_relative_to_the_repository) {
  lab::TempDir repo("racelab-readme-test");
  std::filesystem::create_directories(repo.path() / "exercises/01-counter");
  std::ofstream(repo.path() / "CMakePresets.json") << "{}";
  const auto readme = repo.path() / "exercises/01-counter/README.md";
  std::ofstream(readme) << "# hints";
  BOOST_TEST(lab::repository_path(readme) == "exercises/01-counter/README.md");
  BOOST_TEST(lab::repository_path("/nowhere/README.md") == "/nowhere/README.md");
}

namespace {

/// A judge of several runs (`runs`), or one replayed seed (`seed`).
Verdict judge_seeded(lab::Judge kind, std::vector<std::string> command, int runs, std::optional<std::uint64_t> seed,
                     double timeout = 30) {
  lab::JudgeOptions o;
  o.judge = kind;
  o.exercise = 7;
  o.sources = RACELAB_TEST_HELPERS_DIR;
  o.timeout_seconds = timeout;
  o.command = std::move(command);
  o.runs = runs;
  o.seed = seed;
  std::ostringstream out;
  const int status = lab::run_judge(o, out);
  return {status, out.str()};
}

}  // namespace

BOOST_AUTO_TEST_CASE(repeated_runs_fail_on_the_first_bad_seed_and_name_it) {
  for (auto kind : {lab::Judge::functional, lab::Judge::tsan}) {
    const std::string behaviour = kind == lab::Judge::functional ? "fail-on-seed" : "crash-on-seed";
    const auto v = judge_seeded(kind, {fake, behaviour, "3"}, 5, std::nullopt);
    BOOST_TEST(v.status == 1);
    BOOST_TEST(contains(v.text, "This was run 3 of up to 5 (seed 3); replay it alone with:\n  "), v.text);
    BOOST_TEST(contains(v.text, " judge " + std::string(kind == lab::Judge::functional ? "functional" : "tsan") +
                                    " --exercise 7 --sources "),
               v.text);
    BOOST_TEST(contains(v.text, " --seed 3 -- " + fake + " " + behaviour + " 3\n"), v.text);
  }
  const auto failing_check = judge_seeded(lab::Judge::functional, {fake, "fail-on-seed", "3"}, 5, std::nullopt);
  BOOST_TEST(contains(failing_check.text, "FAILED\nthe functional tests found 1 failing check:\n"));
  const auto crash = judge_seeded(lab::Judge::tsan, {fake, "crash-on-seed", "3"}, 5, std::nullopt);
  BOOST_TEST(contains(crash.text, "crashed: SIGSEGV"));
}

BOOST_AUTO_TEST_CASE(repeated_runs_pass_when_every_seed_passes) {
  for (auto kind : {lab::Judge::functional, lab::Judge::tsan}) {
    const auto v = judge_seeded(kind, {fake, "fail-on-seed", "9"}, 5, std::nullopt);
    BOOST_TEST(v.status == 0, v.text);
    BOOST_TEST(contains(v.text, "passed\nnote: all 5 runs passed (seeds 1 to 5)\n"), v.text);
  }
}

BOOST_AUTO_TEST_CASE(a_given_seed_replays_exactly_one_run) {
  const auto bad = judge_seeded(lab::Judge::functional, {fake, "fail-on-seed", "3"}, 5, 3);
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(contains(bad.text, "This was the run with seed 3; replay it alone with:\n"), bad.text);
  const auto good = judge_seeded(lab::Judge::functional, {fake, "fail-on-seed", "3"}, 5, 2);
  BOOST_TEST(good.status == 0);
  BOOST_TEST(good.text == "exercise 7 — functional tests judge: passed\nnote: one run, with seed 2\n");
  // The seed reaches the program, and an inherited schedule does not.
  ::setenv("RACELAB_SCHEDULE", "turns", 1);
  for (const char* variable : {"RACELAB_SEED", "RACELAB_SCHEDULE"}) {
    lab::JudgeOptions o;
    o.judge = lab::Judge::functional;
    o.exercise = 7;
    o.seed = 41;
    o.command = {fake, "print-env", variable};
    std::ostringstream out;
    lab::run_judge(o, out);
    BOOST_TEST(contains(out.str(), std::string(variable) == "RACELAB_SEED" ? "\n41\n" : "\n<unset>\n"), out.str());
  }
  ::unsetenv("RACELAB_SCHEDULE");
}

BOOST_AUTO_TEST_CASE(repeated_runs_stop_within_the_time_limit) {
  // Runs of 0.4 s with a 1 s limit: a second run fits, not a fifth; the verdict is the same.
  const auto v = judge_seeded(lab::Judge::functional, {fake, "pass-after", "400"}, 5, std::nullopt, 1);
  BOOST_TEST(v.status == 0, v.text);
  BOOST_TEST(!contains(v.text, "all 5 runs"), v.text);
}

BOOST_AUTO_TEST_CASE(tsan_runs_get_the_kits_suppressions) {
  lab::JudgeOptions o;
  o.judge = lab::Judge::tsan;
  o.exercise = 3;
  o.command = {fake, "print-env", "TSAN_OPTIONS"};
  std::ostringstream out;
  lab::run_judge(o, out);
  const auto options = out.str();
  const auto at = options.find(" suppressions=");
  BOOST_TEST_REQUIRE(at != std::string::npos, options);
  // What the run gets is the kit's file, as it is now.
  const auto kit_file = std::filesystem::path(RACELAB_TEST_DATA_DIR) / "../util/tsan/libstdcxx.supp";
  BOOST_TEST(std::string(lab::tsan_suppressions()) == racelab::lab::testing::read(kit_file));
  BOOST_TEST(contains(std::string(lab::tsan_suppressions()), "race_top:std::_Sp_atomic<*>::load"));
}

BOOST_AUTO_TEST_CASE(a_crash_after_an_explaining_check_carries_the_explanation_into_the_summary) {
  const auto v = judge(lab::Judge::functional, {fake, "fail-then-segv"});
  BOOST_TEST(v.status == 1);
  BOOST_TEST(contains(v.text, "FAILED\ncrashed: SIGSEGV (segmentation fault: an invalid memory access), after these "
                              "checks failed:\n  slow_test.cpp(136): in \"slow_tests/spinner\": slow() resumed"),
             v.text);
  // What racelab grade reports: the crash and the grader's explanation of it, on one line.
  const auto summary = lab::failure_summary(lab::Judge::functional, v.text);
  BOOST_TEST(contains(summary, "crashed: SIGSEGV"), summary);
  BOOST_TEST(contains(summary, "it co_awaits dispatch() on the loop's own thread"), summary);
}

BOOST_AUTO_TEST_SUITE_END()
