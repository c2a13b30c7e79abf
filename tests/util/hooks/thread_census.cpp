// The thread census (see thread_census.hpp).
#include "thread_census.hpp"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace racelab::testing {

namespace {

// Raw system calls: see the header for why the C library's wrappers are avoided.
int raw_open_at(int dir, const char* path, int flags) {
  return static_cast<int>(::syscall(SYS_openat, dir, path, flags | O_CLOEXEC));
}

long raw_read(int fd, char* buffer, std::size_t size) { return ::syscall(SYS_read, fd, buffer, size); }

void raw_close(int fd) { ::syscall(SYS_close, fd); }

// getdents64's record, as the kernel lays it out.
struct DirectoryEntry {
  std::uint64_t inode;
  std::int64_t offset;
  unsigned short length;
  unsigned char type;
  char name[1];
};

bool parse_tid(const char* text, pid_t& tid) {
  if (*text == '\0') return false;
  long value = 0;
  for (; *text != '\0'; ++text) {
    if (*text < '0' || *text > '9') return false;
    value = value * 10 + (*text - '0');
  }
  tid = static_cast<pid_t>(value);
  return true;
}

// Calls visit(tid) for every thread of the process; false if /proc/self/task
// cannot be read. `visit` returns false to stop early.
template <class Visit>
bool for_each_task(Visit visit) {
  const int task_dir = raw_open_at(AT_FDCWD, "/proc/self/task", O_RDONLY | O_DIRECTORY);
  if (task_dir < 0) return false;
  alignas(8) char buffer[4096];
  bool go_on = true;
  while (go_on) {
    const long size = ::syscall(SYS_getdents64, task_dir, buffer, sizeof buffer);
    if (size <= 0) break;
    for (long at = 0; at < size && go_on;) {
      const auto* entry = reinterpret_cast<const DirectoryEntry*>(buffer + at);
      pid_t tid = 0;
      if (parse_tid(entry->name, tid)) go_on = visit(tid);
      at += entry->length;
    }
  }
  raw_close(task_dir);
  return true;
}

// The state letter of thread `tid` (R, S, D, T, Z…), or '?' if it is gone.
char state_of(pid_t tid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/self/task/%d/stat", static_cast<int>(tid));
  const int fd = raw_open_at(AT_FDCWD, path, O_RDONLY);
  if (fd < 0) return '?';
  char text[512];
  const long size = raw_read(fd, text, sizeof text - 1);
  raw_close(fd);
  if (size <= 0) return '?';
  text[size] = '\0';
  // "tid (name) S …": the name may hold spaces and parentheses; the state
  // follows the last ')'.
  const char* close = std::strrchr(text, ')');
  if (close == nullptr || close[1] != ' ') return '?';
  return close[2];
}

}  // namespace

pid_t this_thread_tid() {
  thread_local const pid_t tid = static_cast<pid_t>(::syscall(SYS_gettid));
  return tid;
}

Census census_of_other_threads(RegardThread regard) {
  const pid_t self = this_thread_tid();
  bool some_can_run = false;
  const bool read = for_each_task([&](pid_t tid) {
    if (tid == self) return true;
    const Regard view = regard != nullptr ? regard(tid) : Regard::by_state;
    if (view == Regard::skip) return true;
    if (view == Regard::runnable) {
      some_can_run = true;
    } else {
      const char state = state_of(tid);
      some_can_run = state == 'R' || state == 'D';
    }
    return !some_can_run;
  });
  if (!read) return Census::unknown;
  return some_can_run ? Census::some_can_run : Census::none_can_run;
}

namespace {

// The state letter of process `pid` (its main thread), or '?' if it is gone.
char process_state(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/task/%d/stat", static_cast<int>(pid), static_cast<int>(pid));
  const int fd = raw_open_at(AT_FDCWD, path, O_RDONLY);
  if (fd < 0) return '?';
  char text[512];
  const long size = raw_read(fd, text, sizeof text - 1);
  raw_close(fd);
  if (size <= 0) return '?';
  text[size] = '\0';
  const char* close = std::strrchr(text, ')');
  return close != nullptr && close[1] == ' ' ? close[2] : '?';
}

bool can_run(char state) { return state == 'R' || state == 'D'; }

}  // namespace

Census census_of_related_processes() {
  const pid_t self = static_cast<pid_t>(::syscall(SYS_getpid));
  const pid_t parent = static_cast<pid_t>(::syscall(SYS_getppid));
  if (can_run(process_state(parent))) return Census::some_can_run;
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/task/%d/children", static_cast<int>(parent), static_cast<int>(parent));
  const int fd = raw_open_at(AT_FDCWD, path, O_RDONLY);
  if (fd < 0) return Census::unknown;
  char text[4096];
  const long size = raw_read(fd, text, sizeof text - 1);
  raw_close(fd);
  if (size < 0) return Census::unknown;
  text[size] = '\0';
  for (char* at = text; *at != '\0';) {
    char* end = nullptr;
    const long pid = std::strtol(at, &end, 10);
    if (end == at) break;
    at = end;
    if (pid != self && can_run(process_state(static_cast<pid_t>(pid)))) return Census::some_can_run;
  }
  return Census::none_can_run;
}

std::size_t threads_alive(pid_t* tids, std::size_t capacity) {
  std::size_t count = 0;
  for_each_task([&](pid_t tid) {
    if (count == capacity) return false;
    tids[count++] = tid;
    return true;
  });
  return count;
}

}  // namespace racelab::testing
