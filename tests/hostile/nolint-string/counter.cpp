// Hostile submission: the starter's racy counter, and a NOLINT marker for
// the checker hidden in a string literal, where a comment scan does not look.
#include "counter.hpp"


#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

[[maybe_unused]] const char* marker = "NOLINT(racelab-missing-lock)";

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
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
