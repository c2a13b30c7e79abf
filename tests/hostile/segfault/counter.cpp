// Hostile submission: the starter's racy counter, which writes through a null
// pointer once a test asks for parallel work.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
long* volatile nowhere = nullptr;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  if (workers > 1 && increments > 0) *nowhere = 1;
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
