// Corpus, exercise 6, correct (process strategy). Style: one pipe per child,
// every child forked first; the parent then reads whichever pipes have data,
// with poll(), until every child has closed its end, and waits for them all.
#include "prime_pool.hpp"

#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace racelab {
namespace {

[[noreturn]] void child(const std::vector<std::uint64_t>& numbers, std::size_t first, std::size_t stride, int out) {
  for (std::size_t i = first; i < numbers.size(); i += stride) {
    if (!is_prime(numbers[i])) {
      continue;
    }
    const char* bytes = reinterpret_cast<const char*>(&numbers[i]);
    std::size_t left = sizeof numbers[i];
    while (left > 0) {
      const ssize_t written = ::write(out, bytes, left);
      if (written < 0 && errno == EINTR) {
        continue;
      }
      if (written <= 0) {
        ::_exit(1);
      }
      bytes += written;
      left -= static_cast<std::size_t>(written);
    }
  }
  ::_exit(0);
}

// A pipe being read: its descriptor and the bytes of a number not yet complete.
struct Reader {
  int fd;
  unsigned char partial[sizeof(std::uint64_t)];
  std::size_t have = 0;
};

}  // namespace

std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t>& numbers, int workers) {
  const std::size_t stride = std::min<std::size_t>(static_cast<std::size_t>(workers), numbers.size());
  std::vector<pid_t> children;
  std::vector<Reader> readers;
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
      for (const Reader& earlier : readers) {
        ::close(earlier.fd);  // the other children's pipes are none of this child's business
      }
      child(numbers, first, stride, ends[1]);
    }
    ::close(ends[1]);
    children.push_back(pid);
    readers.push_back(Reader{ends[0], {}, 0});
  }

  std::vector<std::uint64_t> primes;
  std::size_t open = readers.size();
  std::vector<pollfd> watched(readers.size());
  while (open > 0) {
    for (std::size_t i = 0; i < readers.size(); ++i) {
      watched[i] = pollfd{readers[i].fd, POLLIN, 0};  // a closed reader has fd -1: poll skips it
    }
    if (::poll(watched.data(), watched.size(), -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw std::system_error(errno, std::generic_category(), "poll");
    }
    for (std::size_t i = 0; i < readers.size(); ++i) {
      if (watched[i].fd < 0 || (watched[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
        continue;
      }
      Reader& reader = readers[i];
      const ssize_t got = ::read(reader.fd, reader.partial + reader.have, sizeof reader.partial - reader.have);
      if (got < 0 && errno == EINTR) {
        continue;
      }
      if (got <= 0) {
        ::close(reader.fd);
        reader.fd = -1;
        --open;
        continue;
      }
      reader.have += static_cast<std::size_t>(got);
      if (reader.have == sizeof reader.partial) {
        std::uint64_t n;
        std::memcpy(&n, reader.partial, sizeof n);
        primes.push_back(n);
        reader.have = 0;
      }
    }
  }
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
