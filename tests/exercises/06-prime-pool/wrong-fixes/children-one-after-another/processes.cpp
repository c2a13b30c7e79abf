// A wrong fix for exercise 6: the reference's processes, but each child is
// read to the end and waited for before the next one is forked. The answers
// are right and nothing races: the children simply never run at the same
// time, which the grader sees (no two checks at once) and the clock would.
#include "prime_pool.hpp"

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace racelab {

namespace {

struct Child {
  pid_t pid = -1;
  int results = -1;  // the read end of the pipe the child writes its primes into
};

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Writes all of `size` bytes, however the kernel splits them up.
bool write_all(int fd, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = ::write(fd, bytes, size);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return false;
    }
    bytes += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

// The child's whole life: check every `stride`-th number from `first`, write
// each prime into the pipe as 8 raw bytes (parent and child are the same
// program, so the bytes mean the same on both sides), and end. _exit(), not
// return or exit(): the child holds a copy of the caller's whole process, and
// must not run its destructors or flush its buffers a second time.
[[noreturn]] void run_child(const std::vector<std::uint64_t>& numbers, std::size_t first, std::size_t stride,
                            int out) {
  for (std::size_t i = first; i < numbers.size(); i += stride) {
    if (is_prime(numbers[i]) && !write_all(out, &numbers[i], sizeof numbers[i])) {
      ::_exit(1);
    }
  }
  ::_exit(::close(out) == 0 ? 0 : 1);
}

Child start_child(const std::vector<std::uint64_t>& numbers, std::size_t first, std::size_t stride) {
  int ends[2];
  if (::pipe(ends) != 0) {
    fail("pipe");
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    fail("fork");
  }
  if (pid == 0) {
    ::close(ends[0]);
    run_child(numbers, first, stride, ends[1]);
  }
  // The parent keeps only the read end: once the child closes its write end
  // (or ends), read() returns 0 and the parent knows everything has arrived.
  ::close(ends[1]);
  return Child{pid, ends[0]};
}

// Reads what one child sent until it closes its end. A child blocked on a
// full pipe simply waits for this read; the parent never waits for a child
// that still has something to write.
void read_primes(int fd, std::vector<std::uint64_t>& primes) {
  std::uint64_t n = 0;
  std::size_t filled = 0;
  char* bytes = reinterpret_cast<char*>(&n);
  for (;;) {
    const ssize_t got = ::read(fd, bytes + filled, sizeof n - filled);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      fail("read from a child's pipe");
    }
    if (got == 0) {
      return;
    }
    filled += static_cast<std::size_t>(got);
    if (filled == sizeof n) {
      primes.push_back(n);
      filled = 0;
    }
  }
}

void wait_for(const Child& child) {
  int status = 0;
  while (::waitpid(child.pid, &status, 0) < 0) {
    if (errno != EINTR) {
      fail("waitpid");
    }
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("a child process failed: its primes may be missing");
  }
}

}  // namespace

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t>& numbers, int workers) {
  const std::size_t stride = std::min<std::size_t>(static_cast<std::size_t>(workers), numbers.size());
  std::vector<std::uint64_t> primes;
  for (std::size_t first = 0; first < stride; ++first) {
    const Child child = start_child(numbers, first, stride);
    read_primes(child.results, primes);
    ::close(child.results);
    wait_for(child);
  }
  return primes;
}

}  // namespace racelab
