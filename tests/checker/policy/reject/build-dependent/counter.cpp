// Code that differs between the grader's builds: here, between a build that
// defines BOOST_TEST_MODULE (the graders) and one that does not (the perf
// driver). No macro name gives it away; the builds' tokens do.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
#ifdef BOOST_TEST_MODULE
        std::lock_guard<std::mutex> lock(counter_mutex);
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: this code is not the same in every build: the plain build (-O2) [racelab-policy-build-dependent]
#endif
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
