// Corpus, exercise 1, correct. Style: everything is local to
// count_in_parallel(), shared with one lambda by reference capture ([&]);
// std::unique_lock released by hand before the pause.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  std::mutex counter_mutex;
  auto work = [&] {
    for (long i = 0; i < increments; ++i) {
      std::unique_lock<std::mutex> lock(counter_mutex);
      long old_value = counter;
      fuzz();
      counter = old_value + 1;
      lock.unlock();
      fuzz();
    }
  };
  std::vector<std::thread> threads(static_cast<std::size_t>(workers));
  for (std::thread& thread : threads) {
    thread = std::thread(work);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
