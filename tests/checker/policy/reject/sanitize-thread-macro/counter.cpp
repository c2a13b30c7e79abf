// GCC's and libstdc++'s names for "ThreadSanitizer is on", and the
// optimisation level (the TSan builds of some exercises are not optimised).
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
#ifdef __SANITIZE_THREAD__
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: '__SANITIZE_THREAD__' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
        std::lock_guard<std::mutex> lock(counter_mutex);
#elif _GLIBCXX_TSAN
// CHECK-MESSAGES: :[[@LINE-1]]:7: error: '_GLIBCXX_TSAN' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
        std::lock_guard<std::mutex> lock(counter_mutex);
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: this code is not the same in every build: the build with -fsanitize=thread [racelab-policy-build-dependent]
#elif !defined(__OPTIMIZE__)
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: '__OPTIMIZE__' tells the builds apart (with or without ThreadSanitizer, optimised or not, which compiler): graded code must be [racelab-policy-preprocessor]
        std::lock_guard<std::mutex> lock(counter_mutex);
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
