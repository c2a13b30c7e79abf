// A replaced global operator new and delete run inside the grader too.
#include "counter.hpp"

#include <cstdlib>
#include <new>
#include <thread>
#include <vector>

void *operator new(std::size_t size) { return std::malloc(size ? size : 1); }
// CHECK-MESSAGES: :[[@LINE-1]]:7: error: 'operator new' is declared by the library, and this definition replaces the library's own in the whole program, the grader's code included [racelab-policy-declaration]
void operator delete(void *p) noexcept { std::free(p); }
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: 'operator delete' is declared by the library, and this definition replaces the library's own in the whole program, the grader's code included [racelab-policy-declaration]

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, increments] {
      for (long i = 0; i < increments; ++i) {
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
