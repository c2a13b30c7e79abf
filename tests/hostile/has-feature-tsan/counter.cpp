// Hostile submission: locked only when built with ThreadSanitizer, so TSan
// sees a correct program while the plain build, which the functional tests
// run, keeps the race (and here the functional tests may not see it either).
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {
[[maybe_unused]] std::mutex counter_mutex;
}

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
    std::lock_guard<std::mutex> lock(counter_mutex);
#endif
#endif
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
