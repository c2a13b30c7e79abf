// The sanitizers' own interface: send ThreadSanitizer's report nowhere, tell
// it two accesses are ordered when they are not, and load code by name.
#include "counter.hpp"

#include <dlfcn.h>
#include <sanitizer/common_interface_defs.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#include <sanitizer/common_interface_defs.h>' is not allowed in graded code: it declares the sanitizers' own interface [racelab-policy-include]

#include <thread>
#include <vector>

extern "C" void AnnotateHappensBefore(const char *file, int line, const volatile void *address);
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: 'AnnotateHappensBefore' is declared with C linkage (extern "C") [racelab-policy-declaration]
extern "C" void __asan_poison_memory_region(const volatile void *address, unsigned long size);
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: '__asan_poison_memory_region' is declared with C linkage (extern "C") [racelab-policy-declaration]

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  __sanitizer_set_report_path("/dev/null");
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: '__sanitizer_set_report_path' is not allowed in graded code: it talks to ThreadSanitizer [racelab-policy-reference]
  void *self = dlopen(nullptr, RTLD_NOW);
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: 'dlopen' is not allowed in graded code: it finds or loads code by name [racelab-policy-reference]
  (void)self;
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        fuzz();
        AnnotateHappensBefore(__FILE__, __LINE__, &counter);
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: 'AnnotateHappensBefore' is declared but none of your files defines it: it talks to ThreadSanitizer [racelab-policy-reference]
        counter = counter + 1;
        __asan_poison_memory_region(&counter, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: '__asan_poison_memory_region' is declared but none of your files defines it: it talks to ThreadSanitizer [racelab-policy-reference]
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
