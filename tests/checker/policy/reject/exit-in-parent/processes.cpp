// POLICY-EXERCISE: 06-prime-pool
// Exercise 6 allows _exit() in a forked child only: in the parent it ends the
// tests before their report.
#include "prime_pool.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace racelab {

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t> &numbers, int workers) {
  std::vector<std::uint64_t> primes;
  for (std::uint64_t n : numbers) {
    if (is_prime(n)) {
      primes.push_back(n);
    }
  }
  const pid_t pid = fork();
  if (pid == 0) {
    _exit(0);  // fine: the child
  }
  if (pid > 0) {
    waitpid(pid, nullptr, 0);
  }
  if (workers > 100) {
    _exit(0);
// CHECK-MESSAGES: :[[@LINE-1]]:5: error: '_exit' is not allowed in graded code: only a child process [racelab-policy-reference]
  }
  return primes;
}

}  // namespace racelab
