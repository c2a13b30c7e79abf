// The functional grader of exercise 1: does count_in_parallel() count every
// increment, whatever the number of workers, with the workers doing the
// counting at the same time?
//
// Two schedules drive the fuzz() hooks (tests/util/hooks/schedule.hpp):
// - random pauses (most tests), seeded by RACELAB_SEED;
// - take_turns (the tests named "taking turns"): each worker is held at every
//   fuzz() until another worker has run up to its own. Whatever a worker does
//   between reading the counter and writing it back is then entered by
//   another worker's update on every run. That is the schedule that exposes,
//   every time, each known wrong fix whose update is a read, then a write:
//     - no lock at all, or a mutex per thread (excludes nobody);
//     - a lock released between the read and the write-back;
//     - an atomic counter updated by load() then store();
//     - a compare_exchange whose failure is ignored (the update is dropped).
//   A correct update (one lock held across both, fetch_add, a manager thread
//   that owns the count) loses nothing under it: the held worker either holds
//   the lock, and the census ends its hold, or shares nothing.
//
// Every test also checks that the work was concurrent: `workers` threads
// other than the caller reached fuzz(), at least once per increment, and they
// were alive at the same time (tests/util/hooks/work_check.hpp).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <sstream>
#include <string>

#include "counter.hpp"
#include "schedule.hpp"
#include "work_check.hpp"
#include "work_log.hpp"

namespace {

using racelab::testing::ForcedSchedule;
using racelab::testing::Schedule;

std::string call_text(int workers, long increments) {
  return "count_in_parallel(" + std::to_string(workers) + (workers == 1 ? " worker, " : " workers, ") +
         std::to_string(increments) + " increments)";
}

// The grader's explanation when the total is wrong, in the student's terms.
std::string lost_updates_message(int workers, long increments, long result, bool taking_turns) {
  const long expected = workers * increments;
  std::ostringstream message;
  message << call_text(workers, increments) << ": expected " << expected << ", got " << result << ".";
  if (result < expected) {
    message << " " << expected - result
            << " increments were lost: two workers read the same old value, and both wrote old + 1.";
    if (taking_turns) {
      message << " In this test each worker waits at fuzz() until another worker has run: anything another worker "
                 "can do between your read of the counter and your write-back (no lock, a lock released in "
                 "between, load() then store(), a compare_exchange whose failure is not retried) loses an "
                 "update, every time. The read and the write must be one step.";
    }
  } else {
    message << " The counter went past the total: it was not reset, or something else wrote to it.";
  }
  return message.str();
}

void check_count(int workers, long increments, std::optional<Schedule> forced = std::nullopt) {
  std::optional<ForcedSchedule> schedule;
  if (forced) schedule.emplace(*forced);
  const racelab::testing::WorkLog log;
  const long result = racelab::count_in_parallel(workers, increments);
  const racelab::testing::WorkSummary seen = log.summary();
  schedule.reset();

  BOOST_TEST(result == workers * increments,
             lost_updates_message(workers, increments, result, forced == Schedule::take_turns));
  if (increments == 0) return;
  racelab::testing::WorkExpected expected;
  expected.call = call_text(workers, increments);
  expected.hook = "fuzz()";
  expected.who = "workers";
  expected.threads = workers;
  expected.steps = workers * increments;
  expected.per_step = "one call next to every increment, made by the worker thread that makes it";
  expected.together = workers >= 2;
  for (const std::string& problem : racelab::testing::work_problems(seen, expected)) {
    BOOST_ERROR(problem);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(counter_tests)

BOOST_AUTO_TEST_CASE(one_worker_counts_every_increment) {
  check_count(1, 1000);
}

BOOST_AUTO_TEST_CASE(no_increments_give_zero) {
  check_count(4, 0);
}

BOOST_DATA_TEST_CASE(many_workers_count_every_increment,
                     boost::unit_test::data::make({2, 4, 8}) * boost::unit_test::data::make({200L, 1000L}),
                     workers, increments) {
  check_count(workers, increments);
}

BOOST_DATA_TEST_CASE(workers_taking_turns_at_fuzz_count_every_increment, boost::unit_test::data::make({2, 4}),
                     workers) {
  check_count(workers, 200, Schedule::take_turns);
}

BOOST_AUTO_TEST_CASE(each_call_starts_from_zero) {
  check_count(4, 500);
  check_count(4, 500);
}

BOOST_AUTO_TEST_SUITE_END()
