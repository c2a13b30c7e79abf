// Corpus, exercise 6, correct (threaded strategy). Style: a ResultList class
// whose append is guarded by a private spinlock on std::atomic_flag
// (acquire/release), std::jthread workers that join at the end of their
// scope, and a shared std::atomic index.
#include "prime_pool.hpp"

#include <atomic>
#include <cstddef>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

class ResultList {
 public:
  void add(std::uint64_t prime) {
    while (busy_.test_and_set(std::memory_order_acquire)) {
      std::this_thread::yield();
    }
    items_.push_back(prime);
    busy_.clear(std::memory_order_release);
  }

  // Only once every writer has been joined.
  std::vector<std::uint64_t> take() { return std::move(items_); }

 private:
  std::atomic_flag busy_;  // C++20: starts clear
  std::vector<std::uint64_t> items_;
};

}  // namespace

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  ResultList results;
  std::atomic<std::size_t> next{0};
  {
    std::vector<std::jthread> crew;
    for (int w = 0; w < workers; ++w) {
      crew.emplace_back([&] {
        for (std::size_t i = next++; i < numbers.size(); i = next++) {
          if (is_prime(numbers[i])) {
            results.add(numbers[i]);
          }
        }
      });
    }
  }  // every jthread joins here
  return results.take();
}

}  // namespace racelab
