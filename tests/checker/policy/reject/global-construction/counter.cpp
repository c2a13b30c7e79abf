// Globals whose construction runs the student's code before main().
#include "counter.hpp"

#include <functional>
#include <thread>
#include <vector>

namespace racelab {

long prepare() { return 42; }

struct Prologue {
  Prologue() { ++runs; }
  long runs = 0;
};

struct Defaults {
  long value = prepare();
};

long prepared = prepare();
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: 'prepared' is a global object whose construction runs your code before main() starts: it calls 'racelab::prepare' [racelab-policy-static-init]
Prologue prologue;
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'prologue' is a global object whose construction runs your code before main() starts: it runs the constructor [racelab-policy-static-init]
Defaults defaults;
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'defaults' is a global object whose construction runs your code before main() starts: it calls 'racelab::prepare' [racelab-policy-static-init]
std::thread early_thread([] {});
// CHECK-MESSAGES: :[[@LINE-1]]:13: error: 'early_thread' is a global object whose construction runs your code before main() starts: it hands a lambda [racelab-policy-static-init]
std::function<long()> hook = prepare;
// CHECK-MESSAGES: :[[@LINE-1]]:23: error: 'hook' is a global object whose construction runs your code before main() starts: it hands 'racelab::prepare' to [racelab-policy-static-init]

long count_in_parallel(int workers, long increments) {
  early_thread.join();
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
