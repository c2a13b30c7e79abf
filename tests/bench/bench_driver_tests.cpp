// The driver protocol (the reference driver on tiny workloads; a wrong answer
// is reported as one) and the perf judge against fake student drivers.

#include "bench/harness/driver_run.hpp"
#include "judge/perf_judge.hpp"
#include "sandbox/temp_dir.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

using namespace racelab::lab;

namespace {

bench::DriverOutcome run_reference(const std::string& workload, const std::string& strategy, std::size_t size) {
  return bench::run_driver({RACELAB_REFERENCE_DRIVER, workload, strategy, 2, size, 3, 1});
}

/// A course file with one threshold, in a temporary folder.
struct CourseFixture {
  TempDir dir{"racelab-bench-test"};
  std::filesystem::path file = dir.path() / "course.toml";
  CourseFixture() {
    std::ofstream(file) << "[course]\nname = \"bench test\"\n\n[exercise.6]\n"
                           "points = { build = 0, functional = 1, tsan = 1, static = 1, perf = 1 }\n"
                           "perf = { threaded = 0.8 }\n";
  }
};

int judge(const char* student, const std::filesystem::path& course, std::string& output) {
  JudgeOptions o;
  o.judge = Judge::perf;
  o.exercise = 6;
  o.course = course;
  o.reference = RACELAB_REFERENCE_DRIVER;
  o.command = {student};
  o.timeout_seconds = 120;
  std::ostringstream out;
  const int status = judge_perf(o, out).status;
  output = out.str();
  return status;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_reference_driver_lists_every_workload) {
  const auto list = bench::list_strategies(RACELAB_REFERENCE_DRIVER);
  for (const char* workload : {"primes", "tables", "counter"}) {
    BOOST_TEST(std::count_if(list.begin(), list.end(), [&](auto& s) {
                 return s.workload == workload && s.name == "sequential";
               }) == 1, workload);
  }
  BOOST_TEST(list.size() == 13u);
}

BOOST_AUTO_TEST_CASE(every_reference_strategy_answers_right_on_a_tiny_workload) {
  for (const auto& s : bench::list_strategies(RACELAB_REFERENCE_DRIVER)) {
    const std::size_t size = s.workload == "primes" ? 6 : s.workload == "tables" ? 3 : 1000;
    const auto outcome = run_reference(s.workload, s.name, size);
    BOOST_TEST(outcome.ok, s.workload + " " + s.name + ": " + outcome.problem);
    BOOST_TEST(outcome.seconds.size() == 3u);
  }
}

BOOST_AUTO_TEST_CASE(a_wrong_answer_is_reported_with_the_answer_check) {
  const auto outcome = bench::run_driver({RACELAB_WRONG_DRIVER, "primes", "threaded", 2, 6, 1, 0});
  BOOST_TEST(!outcome.ok);
  BOOST_TEST(outcome.wrong_answer);
  BOOST_TEST(outcome.problem.find("wrong answer: count 5") != std::string::npos, outcome.problem);
  BOOST_TEST(outcome.problem.find("the right one is count 4") != std::string::npos, outcome.problem);
}

BOOST_AUTO_TEST_CASE(an_unknown_strategy_is_a_problem_not_a_timing) {
  const auto outcome = run_reference("primes", "telepathy", 3);
  BOOST_TEST(!outcome.ok);
  BOOST_TEST(outcome.problem.find("no strategy 'telepathy'") != std::string::npos, outcome.problem);
}

BOOST_AUTO_TEST_CASE(perf_judge_passes_a_parallel_strategy) {
  CourseFixture course;
  std::string output;
  const int status = judge(RACELAB_PARALLEL_DRIVER, course.file, output);
  BOOST_TEST(status == judge_passed, output);
}

BOOST_AUTO_TEST_CASE(perf_judge_fails_one_big_lock_and_says_why) {
  CourseFixture course;
  std::string output;
  const int status = judge(RACELAB_SERIAL_DRIVER, course.file, output);
  BOOST_TEST(status == judge_failed, output);
  BOOST_TEST(output.find("your threaded strategy ran") != std::string::npos, output);
  BOOST_TEST(output.find("at least 80% needed") != std::string::npos, output);
  BOOST_TEST(output.find("holding one lock") != std::string::npos, output);
}

BOOST_AUTO_TEST_CASE(perf_judge_fails_a_wrong_answer) {
  CourseFixture course;
  std::string output;
  BOOST_TEST(judge(RACELAB_WRONG_DRIVER, course.file, output) == judge_failed, output);
  BOOST_TEST(output.find("computed a wrong answer") != std::string::npos, output);
}
