// Exercise 1 with lambdas, std::scoped_lock, std::jthread, assert and
// debugging output on stderr.
#include "counter.hpp"

#include <cassert>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  assert(workers > 0);
  long counter = 0;
  std::mutex counter_mutex;
  {
    std::vector<std::jthread> threads;
    threads.reserve(static_cast<std::size_t>(workers));
    for (int w = 0; w < workers; ++w) {
      threads.emplace_back([&] {
        for (long i = 0; i < increments; ++i) {
          std::scoped_lock lock(counter_mutex);
          const long before = counter;
          fuzz();
          counter = before + 1;
        }
      });
    }
  }  // every jthread joins here
  if (counter != workers * increments) {
    std::cerr << "lost " << workers * increments - counter << " updates\n";
    std::fprintf(stderr, "%ld\n", counter);
  }
  return counter;
}

}  // namespace racelab
