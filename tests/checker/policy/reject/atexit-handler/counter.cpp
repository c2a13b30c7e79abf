// An exit handler rewrites the report after the tests, then ends the process
// before anything else can run.
#include "counter.hpp"

#include <cstdlib>
#include <thread>
#include <vector>

namespace racelab {

namespace {

void fake_a_pass() { std::_Exit(0); }
// CHECK-MESSAGES: :[[@LINE-1]]:27: error: '_Exit' is not allowed in graded code: it ends the process [racelab-policy-reference]

}  // namespace

long count_in_parallel(int workers, long increments) {
  static bool installed = std::atexit(fake_a_pass) == 0;
// CHECK-MESSAGES: :[[@LINE-1]]:32: error: 'atexit' is not allowed in graded code: it runs code after [racelab-policy-reference]
  (void)installed;
  std::at_quick_exit(fake_a_pass);
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'at_quick_exit' is not allowed in graded code: it runs code after [racelab-policy-reference]
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
