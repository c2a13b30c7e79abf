// The hook looked up by name at run time, from a string.
#include "counter.hpp"

#include <dlfcn.h>

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  using Hook = void (*)(void *);
  auto ignore = reinterpret_cast<Hook>(dlsym(RTLD_DEFAULT, "__tsan_ignore_thread_begin"));
// CHECK-MESSAGES: :[[@LINE-1]]:40: error: 'dlsym' is not allowed in graded code: it finds or loads [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:60: error: this string is not allowed in graded code: it names a sanitizer [racelab-policy-string]
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([ignore, increments] {
      ignore(nullptr);
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
