// Hostile submission, part two: the student's copy of exercise 1's grader,
// edited so that it checks nothing. `racelab grade --workspace` grades with
// the kit's own graders and reports this file as edited; the submission gets
// no credit from it. Used by HostileWorkspace.cmake, not built on its own.
#include <boost/test/unit_test.hpp>

#include "counter.hpp"

BOOST_AUTO_TEST_SUITE(counter_tests)

BOOST_AUTO_TEST_CASE(everything_counts) {
  BOOST_TEST(racelab::count_in_parallel(1, 1) >= 0);
}

BOOST_AUTO_TEST_SUITE_END()
