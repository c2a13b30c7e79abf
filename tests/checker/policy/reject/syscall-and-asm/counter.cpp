// Raw system calls and assembly: out of the checker's sight.
#include "counter.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <thread>
#include <vector>

int real_write(int fd, const void *data, unsigned long size) asm("write");
// CHECK-MESSAGES: :[[@LINE-1]]:66: error: an asm label gives this declaration the symbol name 'write': it can bind to [racelab-policy-asm]

namespace racelab {

long count_in_parallel(int workers, long increments) {
  syscall(SYS_getpid);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'syscall' is not allowed in graded code: it makes system calls [racelab-policy-reference]
  real_write(1, "", 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'real_write' is declared but none of your files defines it: graded code may use [racelab-policy-reference]
  long counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, increments] {
      for (long i = 0; i < increments; ++i) {
        __asm__ volatile("incq %0" : "+m"(counter));
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: inline assembly is not allowed in graded code: the checker cannot see [racelab-policy-asm]
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
