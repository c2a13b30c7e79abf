// A ThreadSanitizer hook whose name is pasted together by the preprocessor:
// no text scan sees "__tsan_acquire", the compiler does.
#include "counter.hpp"

#include <thread>
#include <vector>

#define JOIN(a, b) a##b
#define HOOK(name) JOIN(__tsan_, name)

extern "C" void HOOK(acquire)(void *address);
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: '__tsan_acquire' is declared with C linkage (extern "C"): under its plain name [racelab-policy-declaration]

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        HOOK(acquire)(&counter);
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: '__tsan_acquire' is declared but none of your files defines it: it talks to ThreadSanitizer [racelab-policy-reference]
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
