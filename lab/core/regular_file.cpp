#include "core/regular_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// A descriptor closed when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

[[noreturn]] void fail(const fs::path& file, const std::string& why) {
  throw FileError{file.string() + ": " + why};
}

}  // namespace

std::string read_regular_file(const fs::path& file, std::size_t limit, Links links) {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
  const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (links == Links::refuse ? O_NOFOLLOW : 0);
  const Descriptor fd(::open(file.c_str(), flags));
  if (fd.get() < 0) {
    if (errno == ELOOP) fail(file, "is a symbolic link, not a file the grader wrote (not followed)");
    fail(file, std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) fail(file, std::string("cannot examine: ") + std::strerror(errno));
  if (!S_ISREG(status.st_mode)) fail(file, "is " + kind_of(status.st_mode) + ", not a regular file (not read)");
  std::string text;
  char buffer[64 * 1024];
  while (text.size() < limit) {
    const ssize_t got = ::read(fd.get(), buffer, std::min(sizeof buffer, limit - text.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail(file, std::string("cannot read: ") + std::strerror(errno));
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

int create_fresh_file(const fs::path& file) {
  struct stat status {};
  if (::lstat(file.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) fail(file, "is a folder; cannot write a file in its place");
    // A FIFO, link or device is removed, never opened: an open could block or write elsewhere.
    if (::unlink(file.c_str()) != 0 && errno != ENOENT) fail(file, std::string("cannot replace: ") + std::strerror(errno));
  }
  // O_EXCL with O_NOFOLLOW: whatever appeared there since the unlink makes this fail, not follow.
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) fail(file, std::string("cannot create: ") + std::strerror(errno));
  return fd;
}

void write_fresh_file(const fs::path& file, const std::string& text) {
  const Descriptor fd(create_fresh_file(file));
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t put = ::write(fd.get(), text.data() + written, text.size() - written);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) fail(file, std::string("cannot write: ") + std::strerror(errno));
    written += static_cast<std::size_t>(put);
  }
}

}  // namespace racelab::lab
