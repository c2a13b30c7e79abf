// The grader's environment: where TSan writes its log, how the tests run.
#include "counter.hpp"

#include <cstdlib>
#include <thread>
#include <vector>

extern char **environ;

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long found = 0;
  for (char **entry = environ; *entry; ++entry) {
// CHECK-MESSAGES: :[[@LINE-1]]:23: error: 'environ' is not allowed in graded code: it reads or changes [racelab-policy-reference]
    ++found;
  }
  const char *options = std::getenv("TSAN_OPTIONS");
// CHECK-MESSAGES: :[[@LINE-1]]:30: error: 'getenv' is not allowed in graded code: it reads or changes [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:37: error: this string is not allowed in graded code: it names 'TSAN_OPTIONS', a [racelab-policy-string]
  (void)options;
  setenv("TSAN_OPTIONS", "report_bugs=0", 1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'setenv' is not allowed in graded code: it reads or changes [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:10: error: this string is not allowed in graded code: it names 'TSAN_OPTIONS', a [racelab-policy-string]
  long counter = found * 0;
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
