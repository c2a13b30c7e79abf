// Hostile submission: the starter's racy counter, and TSan's options hook
// with its name split by a backslash-newline.
#include "counter.hpp"


#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

extern "C" const char* __tsan_default_opt\
ions() { return "report_bugs=0"; }

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
