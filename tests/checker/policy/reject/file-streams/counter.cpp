// Writing files through the standard library: the report, TSan's logs.
#include "counter.hpp"

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace racelab {

struct Logger {
  std::ofstream out;
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: the type 'std::basic_ofstream' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
};

long count_in_parallel(int workers, long increments) {
  std::ofstream("report.xml") << "<TestLog/>";
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'std::basic_ofstream::basic_ofstream' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:8: error: the type 'std::basic_ofstream' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  std::filesystem::remove("tsan.log");
// CHECK-MESSAGES: :[[@LINE-1]]:20: error: 'std::filesystem::remove' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:27: error: 'std::filesystem::path::path' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
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
