// What really reached file descriptor 1 (see stdout_capture.hpp).
#include "stdout_capture.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "thread_census.hpp"

namespace racelab::grader {

namespace {

void flush_everything() {
  std::cout.flush();
  std::fflush(stdout);
}

void append_bounded(std::string& text, const char* data, std::size_t size) {
  if (text.size() < StdoutCapture::max_output) text.append(data, size);
}

}  // namespace

// Reads the slow console's pipe on a thread of its own, pacing it as the
// header says. It only reads: it never writes to anything the student's
// threads use, so it orders nothing between them.
class StdoutCapture::SlowReader {
 public:
  explicit SlowReader(int read_end) : read_end_(read_end), thread_([this] { run(); }) {}
  ~SlowReader() {
    if (thread_.joinable()) thread_.join();
    ::close(read_end_);
  }
  SlowReader(const SlowReader&) = delete;
  SlowReader& operator=(const SlowReader&) = delete;

  /// The capture is ending: from now on the console keeps up, so that the
  /// grader's own flush never waits for it.
  void let_flow() { restored_.store(true); }

  /// Waits for the end of the output and returns it. The end is when every
  /// write end is closed, or, for a program that kept a copy of descriptor 1
  /// (a thread still running), when nothing more came for a while.
  std::string finish() {
    thread_.join();
    return std::move(text_);
  }

 private:
  // May the console take more output now? Once every other thread waits, or
  // when the capture is ending: then as much as there is. Otherwise a trickle
  // (`trickle` bytes after `stall_limit` without a read): a thread that waits
  // for the console by spinning (a spinlock held by the writer) is always able
  // to run, and would otherwise wait for ever behind a console that waits for
  // it. A trickle takes far longer to drain a print manager's queue than the
  // main thread takes to give its order to stop once the workers are done.
  static constexpr auto stall_limit = std::chrono::milliseconds(20);
  static constexpr std::size_t trickle = 512;

  std::size_t may_read(std::chrono::steady_clock::time_point last_read) const {
    if (restored_.load() || testing::census_of_other_threads(nullptr) != testing::Census::some_can_run) {
      return buffer_size;
    }
    return std::chrono::steady_clock::now() - last_read >= stall_limit ? trickle : 0;
  }

  void run() {
    char buffer[buffer_size];
    int quiet_polls = 0;
    auto last_read = std::chrono::steady_clock::now();
    for (;;) {
      const std::size_t allowed = may_read(last_read);
      if (allowed == 0) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        continue;
      }
      pollfd ready{read_end_, POLLIN, 0};
      const int events = ::poll(&ready, 1, allowed == trickle ? 0 : 100);
      if (events < 0 && errno != EINTR) return;
      if (events <= 0) {
        if (restored_.load() && ++quiet_polls >= 10) return;
        if (allowed == trickle) last_read = std::chrono::steady_clock::now();  // nothing waited to be read
        continue;
      }
      quiet_polls = 0;
      const ssize_t n = ::read(read_end_, buffer, allowed);
      last_read = std::chrono::steady_clock::now();
      if (n == 0) return;  // every write end closed: the capture is over
      if (n < 0) {
        if (errno == EINTR) continue;
        return;
      }
      append_bounded(text_, buffer, static_cast<std::size_t>(n));
    }
  }

  static constexpr std::size_t buffer_size = 4096;

  const int read_end_;
  std::atomic<bool> restored_{false};
  std::string text_;
  std::thread thread_;  // last: starts once the members it uses exist
};

StdoutCapture::StdoutCapture(Console console) {
  flush_everything();
  if (console == Console::slow) {
    open_slow_console();
    return;
  }
  file_ = std::tmpfile();
  if (file_ == nullptr) throw std::runtime_error("grader: cannot create a temporary file");
  saved_ = ::dup(STDOUT_FILENO);
  if (saved_ < 0 || ::dup2(::fileno(file_), STDOUT_FILENO) < 0) {
    throw std::runtime_error("grader: cannot redirect standard output");
  }
}

void StdoutCapture::open_slow_console() {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) throw std::runtime_error("grader: cannot create a pipe");
  // One page: the smallest pipe there is, so a few records fill it.
  ::fcntl(ends[1], F_SETPIPE_SZ, 4096);
  saved_ = ::dup(STDOUT_FILENO);
  if (saved_ < 0 || ::dup2(ends[1], STDOUT_FILENO) < 0) {
    throw std::runtime_error("grader: cannot redirect standard output");
  }
  ::close(ends[1]);  // descriptor 1 is now the only write end
  slow_ = std::make_unique<SlowReader>(ends[0]);
}

StdoutCapture::~StdoutCapture() {
  restore();
  slow_.reset();
  if (file_ != nullptr) std::fclose(file_);
}

void StdoutCapture::restore() {
  if (saved_ < 0) return;
  if (slow_) slow_->let_flow();
  flush_everything();  // what is still buffered belongs to the capture
  ::dup2(saved_, STDOUT_FILENO);
  ::close(saved_);
  saved_ = -1;
}

std::string StdoutCapture::text() {
  restore();
  if (slow_) return slow_->finish();
  std::string captured;
  const int fd = ::fileno(file_);
  ::lseek(fd, 0, SEEK_SET);
  char buffer[1 << 14];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    append_bounded(captured, buffer, static_cast<std::size_t>(n));
    if (captured.size() >= max_output) break;  // far more than asked for: enough to tell
  }
  return captured;
}

}  // namespace racelab::grader
