// Corpus, exercise 6, correct (process strategy). Style: one pipe shared by
// every child. Each prime is one 8-byte write(), and POSIX makes a write of
// at most PIPE_BUF bytes to a pipe atomic, so numbers from different children
// never mix; the parent reads until every write end is closed (read() gives 0).
#include "prime_pool.hpp"

#include <limits.h>
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

static_assert(sizeof(std::uint64_t) <= PIPE_BUF, "one number per write must be atomic");

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t>& numbers, int workers) {
  const std::size_t stride = std::min<std::size_t>(static_cast<std::size_t>(workers), numbers.size());
  int ends[2];
  if (::pipe(ends) != 0) {
    throw std::system_error(errno, std::generic_category(), "pipe");
  }
  std::vector<pid_t> children;
  for (std::size_t first = 0; first < stride; ++first) {
    const pid_t pid = ::fork();
    if (pid < 0) {
      throw std::system_error(errno, std::generic_category(), "fork");
    }
    if (pid == 0) {
      ::close(ends[0]);
      int status = 0;
      for (std::size_t i = first; i < numbers.size(); i += stride) {
        if (is_prime(numbers[i])) {
          ssize_t written;
          do {
            written = ::write(ends[1], &numbers[i], sizeof numbers[i]);
          } while (written < 0 && errno == EINTR);
          if (written != static_cast<ssize_t>(sizeof numbers[i])) {
            status = 1;
            break;
          }
        }
      }
      ::_exit(status);
    }
    children.push_back(pid);
  }
  ::close(ends[1]);  // the children hold the only write ends now

  std::vector<std::uint64_t> primes;
  std::uint64_t n = 0;
  for (;;) {
    const ssize_t got = ::read(ends[0], &n, sizeof n);  // whole numbers only: each arrived in one write
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      break;
    }
    if (got != static_cast<ssize_t>(sizeof n)) {
      ::close(ends[0]);
      throw std::runtime_error("a short read from the children's pipe");
    }
    primes.push_back(n);
  }
  ::close(ends[0]);
  bool all_fine = true;
  for (pid_t pid : children) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    all_fine = all_fine && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  if (!all_fine) {
    throw std::runtime_error("a child process failed: its primes may be missing");
  }
  return primes;
}

}  // namespace racelab
