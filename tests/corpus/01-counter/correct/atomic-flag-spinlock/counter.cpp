// Corpus, exercise 1, correct. Style: a hand-made spinlock on std::atomic_flag
// (test_and_set with acquire, clear with release) behind a small RAII guard
// of our own; the waiting thread yields instead of burning its time slice.
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {
namespace {

std::atomic_flag busy = ATOMIC_FLAG_INIT;
long counter_value = 0;

class SpinGuard {
 public:
  SpinGuard() {
    while (busy.test_and_set(std::memory_order_acquire)) {
      std::this_thread::yield();
    }
  }
  ~SpinGuard() { busy.clear(std::memory_order_release); }
  SpinGuard(const SpinGuard&) = delete;
  SpinGuard& operator=(const SpinGuard&) = delete;
};

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    {
      SpinGuard guard;
      long old_value = counter_value;
      fuzz();
      counter_value = old_value + 1;
    }
    fuzz();
  }
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  counter_value = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter_value;
}

}  // namespace racelab
