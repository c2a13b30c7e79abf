// Destructors that run at exit: a thread_local of the main thread, a static local.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

struct Tally {
  ~Tally() { total += mine; }
  long mine = 0;
  static inline long total = 0;
};

thread_local Tally tally;
// CHECK-MESSAGES: :[[@LINE-1]]:20: error: 'tally' is a thread_local object whose destruction runs the destructor of 'racelab::Tally' after the tests have finished, where it could change their results [racelab-policy-static-init]

long count_in_parallel(int workers, long increments) {
  static Tally kept;
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: 'kept' is a static local whose destruction runs the destructor of 'racelab::Tally' after the tests have finished, where it could change their results [racelab-policy-static-init]
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        ++tally.mine;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return Tally::total + kept.mine;
}

}  // namespace racelab
