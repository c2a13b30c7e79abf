// Corpus, exercise 1, correct. Style: std::async(std::launch::async) tasks
// waited with future::get(); the lock is a function-local static std::mutex
// taken with std::scoped_lock in a helper.
#include "counter.hpp"

#include <future>
#include <mutex>
#include <vector>

namespace racelab {

long shared_total = 0;

void bump() {
  static std::mutex bump_mutex;
  std::scoped_lock lock(bump_mutex);
  long old_value = shared_total;
  fuzz();
  shared_total = old_value + 1;
}

long count_in_parallel(int workers, long increments) {
  shared_total = 0;
  std::vector<std::future<void>> tasks;
  for (int w = 0; w < workers; ++w) {
    tasks.push_back(std::async(std::launch::async, [increments] {
      for (long i = 0; i < increments; ++i) {
        bump();
        fuzz();
      }
    }));
  }
  for (std::future<void>& task : tasks) {
    task.get();
  }
  return shared_total;
}

}  // namespace racelab
