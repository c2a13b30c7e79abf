// Corpus, exercise 1, correct. Style: nothing shared while the workers run:
// each thread counts in its own slot of a vector (one cache line each), and
// the slots are added up after every thread is joined.
#include "counter.hpp"

#include <cstddef>
#include <numeric>
#include <thread>
#include <vector>

namespace racelab {
namespace {

struct alignas(64) Slot {
  long count = 0;
};

}  // namespace

long count_in_parallel(int workers, long increments) {
  std::vector<Slot> slots(static_cast<std::size_t>(workers));  // sized before any thread starts
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&slots, w, increments] {
      long& mine = slots[static_cast<std::size_t>(w)].count;
      for (long i = 0; i < increments; ++i) {
        long old_value = mine;
        fuzz();
        mine = old_value + 1;
        fuzz();
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return std::accumulate(slots.begin(), slots.end(), 0L,
                         [](long sum, const Slot& slot) { return sum + slot.count; });
}

}  // namespace racelab
