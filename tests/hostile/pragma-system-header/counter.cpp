// Hostile submission: the starter's racy counter, kept in a header that a
// pragma declares to be a system header, whose code checks skip.
#include "counter.hpp"

#include <thread>
#include <vector>

#include "worker.h"

namespace racelab {

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
