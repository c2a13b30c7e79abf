// Corpus, exercise 2, correct. Style: a spinlock on std::atomic<bool> taken
// with compare_exchange_weak (acquire) and released with a release store,
// wrapped in lock()/unlock() members so std::lock_guard can hold it.
#include "printer.hpp"

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {
namespace {

class SpinLock {
 public:
  void lock() {
    bool expected = false;
    while (!held_.compare_exchange_weak(expected, true, std::memory_order_acquire,
                                        std::memory_order_relaxed)) {
      expected = false;
      std::this_thread::yield();
    }
  }
  void unlock() { held_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> held_{false};
};

SpinLock console_lock;

}  // namespace

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::lock_guard<SpinLock> guard(console_lock);
    std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
    std::cout << fuzz << "---------------\n";
  }
}

void print_in_parallel(int workers, int records) {
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
