// POLICY-EXERCISE: 06-prime-pool
// Processes, with a switch on fork()'s result and the child's life in a
// function of its own.
#include "prime_pool.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace racelab {

namespace {

[[noreturn]] void child_life(const std::vector<std::uint64_t> &numbers, std::size_t first, std::size_t stride,
                             int out) {
  for (std::size_t i = first; i < numbers.size(); i += stride) {
    if (is_prime(numbers[i]) && write(out, &numbers[i], sizeof numbers[i]) != sizeof numbers[i]) {
      _Exit(1);
    }
  }
  close(out);
  _exit(0);
}

}  // namespace

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t> &numbers, int workers) {
  std::vector<std::uint64_t> primes;
  for (int w = 0; w < workers; ++w) {
    int ends[2];
    if (pipe(ends) != 0) {
      throw std::runtime_error("pipe");
    }
    pid_t child;
    switch (child = fork()) {
      case -1:
        throw std::runtime_error("fork");
      case 0:
        close(ends[0]);
        child_life(numbers, static_cast<std::size_t>(w), static_cast<std::size_t>(workers), ends[1]);
      default:
        break;
    }
    close(ends[1]);
    std::uint64_t n = 0;
    while (read(ends[0], &n, sizeof n) == sizeof n) {
      primes.push_back(n);
    }
    close(ends[0]);
    waitpid(child, nullptr, 0);
  }
  return primes;
}

}  // namespace racelab
