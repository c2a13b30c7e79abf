// Functions the loader runs before main() and after the tests.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

[[gnu::constructor]] void before_main() {}
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: the attribute 'constructor' is not allowed in graded code: it makes the function [racelab-policy-attribute]

__attribute__((destructor(101))) static void after_the_tests() {}
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the attribute 'destructor' is not allowed in graded code: it makes the function [racelab-policy-attribute]

__attribute__((section(".init_array"), used)) static void (*also_before_main)() = before_main;
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the attribute 'section' is not allowed in graded code: it places code or [racelab-policy-attribute]
// CHECK-MESSAGES: :[[@LINE-2]]:40: error: the attribute 'used' is not allowed in graded code: it places code or [racelab-policy-attribute]

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, increments] {
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
