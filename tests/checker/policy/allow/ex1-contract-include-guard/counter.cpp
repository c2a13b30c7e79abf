// Macros of the student's own, in the source file: they change only this file.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

#define LOCKED(m) std::lock_guard<std::mutex> guard_##m(m)
#define EACH_WORKER(w, count) for (int w = 0; w < (count); ++w)

namespace racelab {

namespace {
std::mutex counter_mutex;
long counter = 0;
}  // namespace

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  EACH_WORKER(w, workers) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        fuzz();
        LOCKED(counter_mutex);
        ++counter;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab

#undef LOCKED
#undef EACH_WORKER
