// The shared counter lives in a header that declares itself a system header.
#include "counter.hpp"

#include <thread>
#include <vector>

#include "shared.hpp"

_Pragma("GCC system_header")
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#pragma GCC system_header' is not allowed in graded code: it makes your code [racelab-policy-preprocessor]

namespace racelab {

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        add_one();
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return shared_counter;
}

}  // namespace racelab
