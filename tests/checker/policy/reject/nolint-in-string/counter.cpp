// A no-lint marker in a string is data, not a comment: it silences nothing,
// and a grader that read it as a marker would be fooled.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        counter = counter + 1; const char *marker = "NOLINT(racelab-missing-lock)"; (void)marker;
// CHECK-MESSAGES: :[[@LINE-1]]:54: error: outside a comment (in a string, a name or a macro) silences nothing [racelab-policy-nolint]
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
