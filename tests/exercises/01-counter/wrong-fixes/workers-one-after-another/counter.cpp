// A wrong fix for exercise 1: each worker is joined before the next one
// starts. The count is right and nothing races, because nothing runs at the
// same time: this is a sequential program with extra steps.
#include "counter.hpp"

#include <thread>

namespace racelab {

long counter = 0;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  for (int w = 0; w < workers; ++w) {
    std::thread thread(worker, increments);
    thread.join();
  }
  return counter;
}

}  // namespace racelab
