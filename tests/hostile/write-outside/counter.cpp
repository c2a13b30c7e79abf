// Hostile submission: the starter's racy counter, which tries to replace the
// tools that judge it: it overwrites the program it was started from (the
// grader binary) and writes a file beside it, in the build folder. In the
// sandbox the build is read-only and neither write lands.
#include "counter.hpp"

#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

[[maybe_unused]] const bool tampered = [] {
  std::ofstream(RACELAB_HOSTILE_ESCAPE_FILE) << "escaped\n";
  std::ofstream("/proc/self/exe", std::ios::app) << "tampered";
  return true;
}();

}  // namespace

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
