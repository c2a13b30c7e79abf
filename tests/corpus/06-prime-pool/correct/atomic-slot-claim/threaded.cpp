// Corpus, exercise 6, correct (threaded strategy). Style: lock-free. Workers
// claim the next number with a compare_exchange_weak loop, and claim a slot
// of a result array sized in advance with fetch_add: every slot is written by
// exactly one worker, and read only after all are joined.
#include "prime_pool.hpp"

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace racelab {
namespace {

struct Work {
  explicit Work(const std::vector<std::uint64_t>& list) : numbers(list), slots(list.size()) {}

  const std::vector<std::uint64_t>& numbers;
  std::atomic<std::size_t> next{0};
  std::vector<std::uint64_t> slots;  // room for every number: never resized while workers run
  std::atomic<std::size_t> filled{0};
};

// The index of a number nobody took yet, or numbers.size() when none is left.
std::size_t claim_number(Work& work) {
  std::size_t index = work.next.load();
  while (index < work.numbers.size() && !work.next.compare_exchange_weak(index, index + 1)) {
    // index holds the value another worker left: try that one
  }
  return index;
}

void check_numbers(Work& work) {
  for (std::size_t i = claim_number(work); i < work.numbers.size(); i = claim_number(work)) {
    if (is_prime(work.numbers[i])) {
      work.slots[work.filled.fetch_add(1)] = work.numbers[i];
    }
  }
}

}  // namespace

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  Work work(numbers);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(check_numbers, std::ref(work));
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  work.slots.resize(work.filled.load());
  return std::move(work.slots);
}

}  // namespace racelab
