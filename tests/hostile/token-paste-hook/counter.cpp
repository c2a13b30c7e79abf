// Hostile submission: the starter's racy counter, and TSan's suppression
// hook with a name made by ## so that no text scan sees it.
#include "counter.hpp"


#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

#define RACELAB_PASTE(a, b) a##b
extern "C" const char* RACELAB_PASTE(__tsan_default, _suppressions)() { return "race:racelab::worker\n"; }

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
