// Hostile submission: the starter's racy counter, whose shared variable
// a GNU line marker declares to be in a system header, which checks skip.
#include "counter.hpp"


#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

# 1 "/usr/include/c++/12/system_counter.h" 3

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
