// A workspace as handed out: the contract's copy sits next to the solution.
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<long> counter{0};

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        fuzz();
        counter.fetch_add(1);
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter.load();
}

}  // namespace racelab
