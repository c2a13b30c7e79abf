// A GNU line marker with flag 3: the rest of the file claims to be a system
// header, which the checks skip.
#include "counter.hpp"

#include <thread>
#include <vector>

# 1 "/usr/include/c++/12/bits/counter_impl.h" 3
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: a line marker or #line is not allowed in graded code: it changes the file [racelab-policy-preprocessor]
namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
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
