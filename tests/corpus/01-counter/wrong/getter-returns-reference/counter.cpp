// Corpus, exercise 1, wrong. Style: a class with a private mutex and a locked
// getter.
// Bug: value() returns a reference to the guarded member. The lock ends when
// value() returns; the workers then read and write through the reference with
// no lock held: a data race and lost updates.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

class Tally {
 public:
  long& value() {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }
  void reset() {
    std::lock_guard<std::mutex> lock(mutex_);
    value_ = 0;
  }

 private:
  std::mutex mutex_;
  long value_ = 0;
};

Tally tally;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long& current = tally.value();
    long old_value = current;
    fuzz();
    current = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  tally.reset();
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return tally.value();
}

}  // namespace racelab
