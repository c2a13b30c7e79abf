// Corpus, exercise 1, correct. Style: std::jthread workers that join by
// themselves at the end of a scope, and std::atomic_ref over a plain local
// long for the read-modify-write.
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  alignas(std::atomic_ref<long>::required_alignment) long total = 0;
  {
    std::vector<std::jthread> crew;
    for (int w = 0; w < workers; ++w) {
      crew.emplace_back([&total, increments] {
        std::atomic_ref<long> shared(total);
        for (long i = 0; i < increments; ++i) {
          fuzz();
          shared.fetch_add(1, std::memory_order_relaxed);
          fuzz();
        }
      });
    }
  }  // every jthread is joined here, before `total` is read
  return total;
}

}  // namespace racelab
