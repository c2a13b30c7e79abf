// A global whose destructor runs after the tests have written their report.
#include "counter.hpp"

#include <memory>
#include <thread>
#include <vector>

namespace racelab {

struct Epilogue {
  ~Epilogue() { ++runs; }
  long runs = 0;
};

Epilogue epilogue;
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'epilogue' is a global object whose destruction runs the destructor of 'racelab::Epilogue' after the tests have finished, where it could change their results [racelab-policy-static-init]

struct Holder {
  Epilogue inside;
};

Holder holder;
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'holder' is a global object whose destruction runs the destructor of 'racelab::Epilogue' after the tests have finished, where it could change their results [racelab-policy-static-init]

std::unique_ptr<Epilogue> owned;
// CHECK-MESSAGES: :[[@LINE-1]]:27: error: 'owned' is a global object whose destruction runs the destructor of 'racelab::Epilogue' after the tests have finished, where it could change their results [racelab-policy-static-init]

long count_in_parallel(int workers, long increments) {
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
