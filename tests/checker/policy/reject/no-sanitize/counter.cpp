// ThreadSanitizer turned off for the racy code.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

__attribute__((no_sanitize("thread"))) void add(long increments) {
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the attribute 'no_sanitize' is not allowed in graded code: it turns ThreadSanitizer (or [racelab-policy-attribute]
  for (long i = 0; i < increments; ++i) {
    ++counter;
  }
}

[[clang::no_sanitize("thread")]] void add_again(long increments) { add(increments); }
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: the attribute 'no_sanitize' is not allowed in graded code: it turns ThreadSanitizer (or [racelab-policy-attribute]

// The older spellings, and one hidden in a macro.
__attribute__((no_sanitize_thread)) void add_old(long increments) { add_again(increments); }
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the attribute 'no_sanitize' is not allowed in graded code: it turns ThreadSanitizer (or [racelab-policy-attribute]
__attribute__((disable_sanitizer_instrumentation)) void add_bare(long increments) { add_old(increments); }
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the attribute 'disable_sanitizer_instrumentation' is not allowed in graded code [racelab-policy-attribute]
#define UNWATCHED __attribute__((__no_sanitize__("thread")))
UNWATCHED void add_hidden(long increments) { add_bare(increments); }
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: the attribute 'no_sanitize' is not allowed in graded code: it turns ThreadSanitizer (or [racelab-policy-attribute]

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(add_hidden, increments);
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
