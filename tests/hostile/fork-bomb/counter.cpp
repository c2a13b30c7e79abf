// Hostile submission: the starter's racy counter, which forks a hundred
// children that never end before it counts. The judge's process limit
// (64 by default) must stop it, with a reason.
#include "counter.hpp"

#include <unistd.h>

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
  for (int i = 0; i < 100; ++i) {
    if (::fork() == 0) {
      for (;;) ::pause();
    }
  }
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
