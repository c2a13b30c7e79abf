// The judges' verdicts: what passes, what fails, and what the student reads.
#include "core/display_path.hpp"
#include "judge/judge.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
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

BOOST_AUTO_TEST_SUITE_END()
