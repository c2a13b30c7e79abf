// POLICY-EXERCISE: 06-prime-pool
// A workspace with its copy of the contract: the contract's function calls
// itself in the child, so that its one caller in the file is "child code";
// but the grader calls it too, in the parent, where _exit() ends the tests.
#include "prime_pool.hpp"

#include <unistd.h>

#include <vector>

namespace racelab {

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t> &numbers, int workers) {
  if (workers > 0 && fork() == 0) {
    primes_processes(numbers, 0);
  }
  _exit(0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: '_exit' is not allowed in graded code: only a child process [racelab-policy-reference]
}

}  // namespace racelab
