// The same test of the build, through macros and token pasting.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

#define WATCHED_BY(tool) __has_feature(tool)
#define PASTED(a, b) a##b
#define ALSO_WATCHED PASTED(__has_, feature)(thread_sanitizer)

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
#if WATCHED_BY(thread_sanitizer) || ALSO_WATCHED
// CHECK-MESSAGES: :[[@LINE-1]]:5: error: '__has_feature' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
// CHECK-MESSAGES: :[[@LINE-2]]:37: error: '__has_feature' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
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
