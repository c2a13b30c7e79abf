// The functional grader of exercise 1: does count_in_parallel() count every
// increment, whatever the number of workers?
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "counter.hpp"

namespace {

// The grader's explanation when the total is wrong, in the student's terms.
std::string lost_updates_message(int workers, long increments, long result) {
  const long expected = workers * increments;
  std::ostringstream message;
  message << workers << " workers x " << increments << " increments: expected " << expected
          << ", got " << result << ".";
  if (result < expected) {
    message << " " << expected - result
            << " increments were lost: two workers read the same old value, and both wrote old + 1.";
  } else {
    message << " The counter went past the total: it was not reset, or something else wrote to it.";
  }
  return message.str();
}

void check_count(int workers, long increments) {
  const long result = racelab::count_in_parallel(workers, increments);
  BOOST_TEST(result == workers * increments, lost_updates_message(workers, increments, result));
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

BOOST_AUTO_TEST_CASE(each_call_starts_from_zero) {
  check_count(4, 500);
  check_count(4, 500);
}

BOOST_AUTO_TEST_SUITE_END()
