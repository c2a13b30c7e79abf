// The trick hides in an included file whose extension no scanner reads.
#include "counter.hpp"

#include <thread>
#include <vector>

#include "sub/report.inc"

namespace racelab {

long count_in_parallel(int workers, long increments) {
  install_report_rewriter();
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
