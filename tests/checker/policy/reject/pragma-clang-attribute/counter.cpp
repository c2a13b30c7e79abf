// Pragmas that change how the code is compiled and checked.
#include "counter.hpp"

#include <thread>
#include <vector>

#pragma clang attribute push(__attribute__((no_sanitize("thread"))), apply_to = function)
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#pragma clang attribute push(__attribute__((no_sanitize("thread"))), apply_to = function)' is not allowed in graded code: only #pragma once, message [racelab-policy-preprocessor]
// CHECK-MESSAGES: :[[@LINE-2]]:45: error: the attribute 'no_sanitize' is not allowed in graded code: it turns ThreadSanitizer (or [racelab-policy-attribute]
#pragma GCC optimize("O0")
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#pragma GCC optimize("O0")' is not allowed in graded code: only #pragma once, message [racelab-policy-preprocessor]
#pragma once
#pragma GCC diagnostic ignored "-Wunused-variable"

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

#pragma clang attribute pop
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#pragma clang attribute pop' is not allowed in graded code: only #pragma once, message [racelab-policy-preprocessor]
