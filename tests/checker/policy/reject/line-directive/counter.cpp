// #line moves every later finding to another file and line.
#include "counter.hpp"

#include <thread>
#include <vector>

#line 1 "counter_test.cpp"
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
