// The racy starter, graded through an edited copy of the contract header.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        fuzz();
        counter = counter + 1;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
