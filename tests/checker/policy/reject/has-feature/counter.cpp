// Correct only when ThreadSanitizer is watching.
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
#if defined(__has_feature) && __has_feature(thread_sanitizer)
// CHECK-MESSAGES: :[[@LINE-1]]:13: error: '__has_feature' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
// CHECK-MESSAGES: :[[@LINE-2]]:31: error: '__has_feature' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
        std::lock_guard<std::mutex> lock(counter_mutex);
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: this code is not the same in every build: the build with -fsanitize=thread [racelab-policy-build-dependent]
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
