#include "sandbox/folder_watch.hpp"

#include "sandbox/process.hpp"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace racelab::lab {

FolderWatch::FolderWatch(const std::filesystem::path& folder) : folder_(folder) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw RunError{std::string("cannot watch a folder (inotify): ") + std::strerror(errno)};
  const auto mask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
  if (::inotify_add_watch(fd_, folder.c_str(), mask) < 0) {
    const std::string why = std::strerror(errno);
    ::close(fd_);
    throw RunError{"cannot watch " + folder.string() + ": " + why};
  }
}

FolderWatch::~FolderWatch() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<std::string> FolderWatch::tampering() {
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      const std::string name = event->len > 0 ? std::string(event->name) : std::string();
      if (event->mask & IN_Q_OVERFLOW) problems_.push_back("the folder changed too often to be followed");
      if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) problems_.push_back("the folder itself was removed");
      if (event->mask & IN_CREATE) created_.push_back(name);
      if (event->mask & IN_MOVED_TO) problems_.push_back(name + " was moved in from elsewhere");
      if (event->mask & IN_DELETE) problems_.push_back(name + " was deleted");
      if (event->mask & IN_MOVED_FROM) problems_.push_back(name + " was renamed");
      p += sizeof(inotify_event) + event->len;
    }
  }
  std::vector<std::string> found = problems_;
  for (const auto& name : created_) {
    struct stat st {};
    if (::lstat((folder_ / name).c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      found.push_back(name + " is " + (S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file"));
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace racelab::lab
