// Corpus, exercise 1, wrong. Style: the work is a std::function, a lambda
// capturing the local counter by reference, started on every thread.
// Bug: the mutex is held around *starting* the threads, not inside the job:
// the job itself runs unlocked on every worker at once (a data race on the
// counter, lost updates).
#include "counter.hpp"

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  const std::function<void()> job = [&counter, increments] {
    for (long i = 0; i < increments; ++i) {
      long old_value = counter;
      fuzz();
      counter = old_value + 1;
      fuzz();
    }
  };
  std::mutex start_mutex;
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(start_mutex);
    for (int w = 0; w < workers; ++w) {
      threads.emplace_back(job);
    }
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
