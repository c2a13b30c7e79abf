// Hostile submission: the starter's racy counter, and an ELF constructor
// that rewrites the grader's command line: the report's level becomes a
// --run_test filter keeping only the one-worker test case, so the racy ones
// never run (a skipped test case used to count as no failure).
#include "counter.hpp"


#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

__attribute__((constructor)) void keep_one_worker(int argc, char** argv) {
  static char filter[] = "--run_test=counter_tests/one_worker_counts_every_increment";
  // Whichever argument sets the report's level, wherever the judge puts it.
  for (int i = 1; i < argc; ++i) {
    if (__builtin_strncmp(argv[i], "--report_level", 14) == 0) argv[i] = filter;
  }
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
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
