// Corpus, exercise 6, wrong (process strategy). Style: one pipe per child,
// tidy: each child is forked, read to the end and waited for before the next.
// Bug: the children never run at the same time: the parent waits for each
// one before forking the next, so `workers` processes do the work of one.
// Right answers, no race: only the clock shows it.
#include "prime_pool.hpp"

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace racelab {
namespace {

[[noreturn]] void child(const std::vector<std::uint64_t>& numbers, std::size_t first, std::size_t stride, int out) {
  for (std::size_t i = first; i < numbers.size(); i += stride) {
    if (is_prime(numbers[i]) && ::write(out, &numbers[i], sizeof numbers[i]) != static_cast<ssize_t>(sizeof numbers[i])) {
      ::_exit(1);
    }
  }
  ::_exit(0);
}

void collect(int fd, std::vector<std::uint64_t>& primes) {
  std::uint64_t n;
  for (;;) {
    const ssize_t got = ::read(fd, &n, sizeof n);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      return;
    }
    primes.push_back(n);
  }
}

}  // namespace

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t>& numbers, int workers) {
  const std::size_t stride = std::min<std::size_t>(static_cast<std::size_t>(workers), numbers.size());
  std::vector<std::uint64_t> primes;
  for (std::size_t first = 0; first < stride; ++first) {
    int ends[2];
    if (::pipe(ends) != 0) {
      throw std::system_error(errno, std::generic_category(), "pipe");
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
      throw std::system_error(errno, std::generic_category(), "fork");
    }
    if (pid == 0) {
      ::close(ends[0]);
      child(numbers, first, stride, ends[1]);
    }
    ::close(ends[1]);
    collect(ends[0], primes);
    ::close(ends[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      throw std::runtime_error("a child process failed");
    }
  }
  return primes;
}

}  // namespace racelab
