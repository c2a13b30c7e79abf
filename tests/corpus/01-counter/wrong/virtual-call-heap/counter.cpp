// Corpus, exercise 1, wrong. Style: an interface with virtual functions, the
// implementation made on the heap and shared through a std::shared_ptr to the
// base class; the workers only ever call counter->increment().
// Bug: the implementation chosen ("faster, no lock") updates its member with
// no lock, and every worker calls it on the same heap object: a data race and
// lost updates, hidden behind the virtual call.
#include "counter.hpp"

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

class Counter {
 public:
  virtual ~Counter() = default;
  virtual void increment() = 0;
  virtual long total() const = 0;
};

class LockedCounter : public Counter {
 public:
  void increment() override {
    std::lock_guard<std::mutex> lock(mutex_);
    long old_value = value_;
    fuzz();
    value_ = old_value + 1;
  }
  long total() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }

 private:
  mutable std::mutex mutex_;
  long value_ = 0;
};

class QuickCounter : public Counter {
 public:
  void increment() override {
    long old_value = value_;
    fuzz();
    value_ = old_value + 1;
  }
  long total() const override { return value_; }

 private:
  long value_ = 0;
};

std::shared_ptr<Counter> make_counter(bool need_speed) {
  if (need_speed) {
    return std::make_shared<QuickCounter>();
  }
  return std::make_shared<LockedCounter>();
}

long count_in_parallel(int workers, long increments) {
  const std::shared_ptr<Counter> counter = make_counter(true);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([counter, increments] {
      for (long i = 0; i < increments; ++i) {
        counter->increment();
        fuzz();
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter->total();
}

}  // namespace racelab
