// Hostile submission: the starter's racy counter, which writes without end
// (gigabytes, if nothing stopped it). The output cap must stop it.
#include "counter.hpp"

#include <cstdio>
#include <string>
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
  const std::string line(1023, '*');
  for (long i = 0; i < (8L << 20); ++i) std::printf("*** No errors detected %s\n", line.c_str());
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
