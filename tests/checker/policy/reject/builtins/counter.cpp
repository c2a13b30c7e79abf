// Compiler built-ins that reach past the language: the caller's frames.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  void *caller = __builtin_return_address(0);
// CHECK-MESSAGES: :[[@LINE-1]]:18: error: '__builtin_return_address' is not allowed in graded code: it is a compiler [racelab-policy-reference]
  void *frame = __builtin_frame_address(1);
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: '__builtin_frame_address' is not allowed in graded code: it is a compiler [racelab-policy-reference]
  (void)caller;
  (void)frame;
  long counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, increments] {
      for (long i = 0; i < increments; ++i) {
        if (__builtin_expect(i >= 0, 1)) {
          ++counter;
        }
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
