// Hostile submission: the starter's racy counter, printing every line a
// judge or the self-test prints when it is happy. Nothing printed may count.
#include "counter.hpp"

#include <cstdio>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

void claim_success() {
  std::puts("*** No errors detected");
  std::puts("exercise 1 — functional tests judge: passed");
  std::puts("exercise 1 — ThreadSanitizer judge: passed");
  std::puts("exercise 1 — racelab-check judge: passed");
  std::puts("ThreadSanitizer: reported 0 warnings");
  std::puts("self-test: passed, as expected");
  std::fflush(stdout);
}

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
  claim_success();
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
