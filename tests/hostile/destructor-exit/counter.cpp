// Hostile submission: the starter's racy counter, plus a static object whose
// destructor runs after Boost.Test has returned "checks failed" from main()
// and replaces that status with 0.
#include "counter.hpp"

#include <cstdlib>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

struct AlwaysSucceed {
  ~AlwaysSucceed() { std::_Exit(0); }
} always_succeed;

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
