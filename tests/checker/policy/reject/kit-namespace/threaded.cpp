// POLICY-EXERCISE: 06-prime-pool
// Declares the grader's own functions to call them: the grader would then
// count the work where the student says.
#include "prime_pool.hpp"

#include <thread>
#include <vector>

namespace racelab::testing {
void watch_checks_from(std::thread::id caller);
// CHECK-MESSAGES: :[[@LINE-1]]:6: error: 'watch_checks_from' is declared in namespace 'racelab::testing', which belongs to the grader [racelab-policy-declaration]
}  // namespace racelab::testing

namespace racelab {

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t> &numbers, int workers) {
  (void)workers;
  testing::watch_checks_from(std::thread::id());
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: 'racelab::testing::watch_checks_from' is declared but none of your files defines it: graded code may use [racelab-policy-reference]
  std::vector<std::uint64_t> primes;
  for (std::uint64_t n : numbers) {
    if (bench::is_prime(n)) {
      primes.push_back(n);
    }
  }
  return primes;
}

}  // namespace racelab
