// Hostile submission: the starter, and beside it a header named like
// Boost.Test's whose BOOST_TEST checks nothing, for a grader that would
// search the student's folder first.
// Exercise 1 — the unsynchronized counter.
//
// Several workers count together into one shared counter. Run
// `ctest -L exercise1` and read what the three judges say, then read
// README.md in this folder.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;  // shared by every worker

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    // TODO: make this update safe when several workers run it at once.
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
