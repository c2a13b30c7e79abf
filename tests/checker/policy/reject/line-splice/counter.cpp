// A hook name split by a backslash-newline: the compiler joins the lines.
#include "counter.hpp"

#include <thread>
#include <vector>

extern "C" void __ts\
an_release(void *address);
// CHECK-MESSAGES: :[[@LINE-2]]:17: error: '__tsan_release' is declared with C linkage (extern "C"): under its plain name [racelab-policy-declaration]

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        ++counter;
        __tsan_rel\
ease(&counter);
// CHECK-MESSAGES: :[[@LINE-2]]:9: error: '__tsan_release' is declared but none of your files defines it: it talks to ThreadSanitizer [racelab-policy-reference]
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
