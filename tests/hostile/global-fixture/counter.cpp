// Hostile submission: the starter's racy counter, and a Boost.Test global
// fixture in the student's file that clears the failures the grader recorded.
#include "counter.hpp"

#include <boost/test/framework.hpp>
#include <boost/test/results_collector.hpp>
#include <boost/test/unit_test_suite.hpp>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

struct ClearFailures {
  void teardown() {
    auto& results = boost::unit_test::results_collector.results(boost::unit_test::framework::master_test_suite().p_id);
    const_cast<boost::unit_test::test_results&>(results).clear();
  }
};
BOOST_TEST_GLOBAL_FIXTURE(ClearFailures);

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
