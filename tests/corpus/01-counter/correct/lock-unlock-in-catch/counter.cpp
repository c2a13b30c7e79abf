// Corpus, exercise 1, correct. Style: manual lock()/unlock() made exception
// safe by hand: a try block around the critical section, and a catch that
// unlocks before rethrowing (the pre-RAII way).
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    counter_mutex.lock();
    try {
      long old_value = counter;
      fuzz();
      counter = old_value + 1;
    } catch (...) {
      counter_mutex.unlock();
      throw;
    }
    counter_mutex.unlock();
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
