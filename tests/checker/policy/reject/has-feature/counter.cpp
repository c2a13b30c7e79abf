// Correct only when ThreadSanitizer is watching; and the same test split by a
// backslash-newline, which the compiler joins.
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
#if __has_fea\
ture(address_sanitizer)
// CHECK-MESSAGES: :[[@LINE-2]]:5: error: '__has_feature' tells the builds apart [racelab-policy-preprocessor]
        counter += 0;
#endif
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
