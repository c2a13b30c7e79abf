#include "sandbox/channel.hpp"

#include "sandbox/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace racelab::lab {

Channel::Channel(std::size_t max_bytes) : max_bytes_(max_bytes) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw RunError{std::string("cannot open a pipe: ") + std::strerror(errno)};
  read_fd_ = fds[0];
  write_fd_ = fds[1];
}

Channel::~Channel() {
  if (reader_.joinable()) {
    stop_ = true;
    reader_.join();
  }
  if (read_fd_ >= 0) ::close(read_fd_);
  if (write_fd_ >= 0) ::close(write_fd_);
}

std::string Channel::path() const { return "/dev/fd/" + std::to_string(write_fd_); }

void Channel::start() {
  if (write_fd_ >= 0) {
    ::close(write_fd_);
    write_fd_ = -1;
  }
  reader_ = std::thread([this] { read_loop(); });
}

void Channel::read_loop() {
  char buffer[65536];
  while (!stop_) {
    pollfd p{read_fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, 50);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(read_fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // every writer is gone: the stream is whole
    const auto room = max_bytes_ - std::min(max_bytes_, data_.size());
    if (static_cast<std::size_t>(n) > room) incomplete_ = true;
    data_.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  }
  ended_ = !stop_;
}

std::string Channel::finish(int grace_ms) {
  if (!reader_.joinable()) return data_;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(grace_ms);
  while (!ended_ && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!ended_) incomplete_ = true;
  stop_ = true;
  reader_.join();
  return data_;
}

}  // namespace racelab::lab
