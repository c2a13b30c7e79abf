// Reading the grader's command line and open files from /proc.
#include "counter.hpp"

#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  std::ifstream command_line("/proc/self/cmdline");
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: the type 'std::basic_ifstream' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:17: error: 'std::basic_ifstream::basic_ifstream' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-3]]:30: error: this string is not allowed in graded code: it names /proc, where [racelab-policy-string]
  std::string arguments;
  std::getline(command_line, arguments);
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
