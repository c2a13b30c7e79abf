// Corpus, exercise 1, correct. Style: a class that owns its mutex (private)
// and offers add_one() and a locked getter; the object is made on the heap
// and handed to lambda workers as a raw pointer.
#include "counter.hpp"

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {
namespace {

class SafeCounter {
 public:
  void add_one() {
    std::lock_guard<std::mutex> guard(mutex_);
    const long before = value_;
    fuzz();
    value_ = before + 1;
  }

  long value() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return value_;
  }

 private:
  mutable std::mutex mutex_;
  long value_ = 0;
};

}  // namespace

long count_in_parallel(int workers, long increments) {
  auto counter = std::make_unique<SafeCounter>();
  SafeCounter* shared = counter.get();
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([shared, increments] {
      for (long i = 0; i < increments; ++i) {
        shared->add_one();
        fuzz();
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  return shared->value();
}

}  // namespace racelab
