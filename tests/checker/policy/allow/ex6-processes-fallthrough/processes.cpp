// POLICY-EXERCISE: 06-prime-pool
// Processes, with the child's code after the parent's `continue`, the pipes
// read through FILE streams, and poll() over every pipe at once.
#include "prime_pool.hpp"

#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace racelab {

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t> &numbers, int workers) {
  std::vector<pid_t> children;
  std::vector<pollfd> pipes;
  for (int w = 0; w < workers; ++w) {
    int ends[2];
    if (pipe(ends) != 0) {
      throw std::system_error(errno, std::generic_category(), "pipe");
    }
    const pid_t pid = fork();
    if (pid < 0) {
      throw std::runtime_error("fork failed");
    }
    if (pid != 0) {
      close(ends[1]);
      children.push_back(pid);
      pipes.push_back({ends[0], POLLIN, 0});
      continue;
    }
    // Only the child gets here.
    close(ends[0]);
    std::FILE *out = fdopen(ends[1], "w");
    for (std::size_t i = static_cast<std::size_t>(w); i < numbers.size(); i += static_cast<std::size_t>(workers)) {
      if (is_prime(numbers[i])) {
        std::fprintf(out, "%" PRIu64 "\n", numbers[i]);
      }
    }
    std::fclose(out);
    _exit(0);
  }
  std::vector<std::uint64_t> primes;
  std::size_t open = pipes.size();
  while (open > 0) {
    if (poll(pipes.data(), pipes.size(), -1) < 0 && errno != EINTR) {
      throw std::system_error(errno, std::generic_category(), "poll");
    }
    for (pollfd &p : pipes) {
      if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP))) {
        continue;
      }
      char line[32];
      const ssize_t got = read(p.fd, line, sizeof line - 1);
      if (got <= 0) {
        close(p.fd);
        p.fd = -1;
        --open;
        continue;
      }
      line[got] = '\0';
      std::uint64_t n = 0;
      int used = 0;
      for (const char *at = line; std::sscanf(at, "%" SCNu64 "%n", &n, &used) == 1; at += used) {
        primes.push_back(n);
      }
    }
  }
  for (pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      throw std::runtime_error("a child failed");
    }
  }
  return primes;
}

}  // namespace racelab
