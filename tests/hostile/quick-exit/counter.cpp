// Hostile submission: the starter's racy counter, which leaves with
// std::quick_exit(0) the moment a test asks for parallel work. The race never
// runs, the exit status is 0: only the tests' own report can tell.
#include "counter.hpp"

#include <cstdlib>
#include <thread>
#include <vector>

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
  if (workers > 1 && increments > 0) std::quick_exit(0);
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
