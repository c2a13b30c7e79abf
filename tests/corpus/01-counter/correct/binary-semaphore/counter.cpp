// Corpus, exercise 1, correct. Style: a C++20 std::binary_semaphore used as
// the lock, acquire()/release() by hand, free functions in an anonymous
// namespace.
#include "counter.hpp"

#include <semaphore>
#include <thread>
#include <vector>

namespace racelab {
namespace {

long total = 0;
std::binary_semaphore gate{1};  // one permit: one worker at a time between acquire and release

void add_ones(long how_many) {
  for (long i = 0; i < how_many; ++i) {
    gate.acquire();
    long old_value = total;
    fuzz();
    total = old_value + 1;
    gate.release();
    fuzz();
  }
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  total = 0;
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(workers));
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back(add_ones, increments);
  }
  for (std::thread& t : pool) {
    t.join();
  }
  return total;
}

}  // namespace racelab
