// Markers that would silence racelab-check: when grading, they are reported
// and silence nothing.
#include "counter.hpp"

#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

long count_in_parallel(int workers, long increments) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([increments] {
      for (long i = 0; i < increments; ++i) {
        // NOLINTNEXTLINE(racelab-missing-lock)
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: would silence racelab-check; when grading it is not honoured [racelab-policy-nolint]
        ++counter;
        counter += 0;  // NOLINT
// CHECK-MESSAGES: :[[@LINE-1]]:27: error: would silence racelab-check; when grading it is not honoured [racelab-policy-nolint]
        counter += 0;  /* NOLINT(racelab-*) */
// CHECK-MESSAGES: :[[@LINE-1]]:27: error: would silence racelab-check; when grading it is not honoured [racelab-policy-nolint]
        counter += 0;  // NOLINT(bugprone-narrowing): another tool's marker is fine
        // NOLINTBEGIN(racelab-missing-lock)
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: would silence racelab-check; when grading it is not honoured [racelab-policy-nolint]
        counter += 0;
        // NOLINTEND(racelab-missing-lock)
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: would silence racelab-check; when grading it is not honoured [racelab-policy-nolint]
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
