// The grader's test framework, from the student's code.
#include "counter.hpp"

#include <boost/test/unit_test.hpp>
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#include <boost/test/unit_test.hpp>' is not allowed in graded code: it is the grader's [racelab-policy-include]

#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  boost::unit_test::framework::master_test_suite();
// CHECK-MESSAGES: :[[@LINE-1]]:32: error: 'boost::unit_test::framework::master_test_suite' is not allowed in graded code: it belongs to the [racelab-policy-reference]
  long counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, increments] {
      for (long i = 0; i < increments; ++i) {
        ++counter;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
