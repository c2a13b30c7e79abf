#pragma once
/// \file
/// A one-way channel from a program to the process that started it: a pipe
/// whose write end the program inherits as an open file descriptor, read by
/// the parent while the program runs.
///
/// What arrives through it was written while the program ran and cannot be
/// deleted, replaced or rewritten afterwards, unlike a file: a second document
/// written after the first only follows it.

#include <atomic>
#include <cstddef>
#include <string>
#include <thread>

namespace racelab::lab {

class Channel {
public:
  /// Opens the pipe (both ends close-on-exec); throws RunError when it cannot.
  explicit Channel(std::size_t max_bytes = 4u << 20);
  ~Channel();
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  /// The write end's number: the program inherits it under the same number
  /// (RunRequest::inherit_fd), and can open it as "/dev/fd/<n>".
  [[nodiscard]] int write_fd() const { return write_fd_; }
  /// "/dev/fd/<n>".
  [[nodiscard]] std::string path() const;

  /// Starts reading; the parent's copy of the write end is closed, so the end
  /// of the stream means every process holding it has closed it or ended.
  void start();
  /// Stops reading once the stream has ended, or after `grace_ms` more (a
  /// process that escaped still holds the write end); returns what was read.
  std::string finish(int grace_ms = 2000);
  /// The stream was cut: longer than the maximum, or still open at finish().
  [[nodiscard]] bool incomplete() const { return incomplete_; }

private:
  void read_loop();

  int read_fd_ = -1;
  int write_fd_ = -1;
  std::size_t max_bytes_;
  std::string data_;
  std::thread reader_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> ended_{false};
  bool incomplete_ = false;
};

}  // namespace racelab::lab
