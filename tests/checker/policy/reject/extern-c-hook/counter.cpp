// Definitions the runtime would call: TSan's options hook, and a C library
// function replaced for the whole program.
#include "counter.hpp"

#include <cstdio>
#include <thread>
#include <vector>

extern "C" const char *__tsan_default_options() { return "report_bugs=0 exitcode=0"; }
// CHECK-MESSAGES: :[[@LINE-1]]:24: error: '__tsan_default_options' is declared with C linkage (extern "C"): under its plain name [racelab-policy-declaration]

extern "C" int fflush(std::FILE *) { return 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: 'fflush' is declared by the library, and this definition replaces the library's own in the whole program, the grader's code included [racelab-policy-declaration]

namespace __tsan {
// CHECK-MESSAGES: :[[@LINE-1]]:11: error: the namespace '__tsan' has a reserved name, the kind the compiler, the C library and the sanitizers use for their own code [racelab-policy-declaration]
void OnReport() {}
}  // namespace __tsan

namespace racelab {

long __counter = 0;
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: '__counter' has a reserved name, the kind the compiler, the C library and the sanitizers use for their own hooks [racelab-policy-declaration]

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        ++__counter;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return __counter;
}

}  // namespace racelab

int optind = 1;
// CHECK-MESSAGES: :[[@LINE-1]]:5: error: 'optind' is declared by the library, and this definition replaces the library's own in the whole program, the grader's code included [racelab-policy-declaration]
