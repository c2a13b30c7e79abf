// The event-loop monitor (see loop_monitor.hpp).
#include "loop_monitor.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace racelab::testing {

namespace {

// How long the calling thread has waited, in total, for a processor while it
// was ready to run: the second field of /proc/thread-self/schedstat (Linux).
// Zero where the file does not exist, which turns the correction off.
LoopClock::duration run_queue_wait_of_this_thread() {
  const int fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return LoopClock::duration::zero();
  }
  char text[128];
  const ssize_t size = ::read(fd, text, sizeof text - 1);
  ::close(fd);
  if (size <= 0) {
    return LoopClock::duration::zero();
  }
  text[size] = '\0';
  char* rest = nullptr;
  std::strtoull(text, &rest, 10);  // time spent running
  const unsigned long long waited_ns = std::strtoull(rest, nullptr, 10);
  return std::chrono::duration_cast<LoopClock::duration>(std::chrono::nanoseconds(waited_ns));
}

}  // namespace

long LoopReport::expected_ticks() const {
  if (period <= LoopClock::duration::zero()) {
    return 0;
  }
  return std::max(static_cast<long>(elapsed / period) - excused_ticks, 0L);
}

double LoopReport::tick_ratio() const {
  const long expected = expected_ticks();
  if (expected <= 0) {
    return 1.0;
  }
  return static_cast<double>(ticks) / static_cast<double>(expected);
}

std::string LoopReport::summary() const {
  std::ostringstream text;
  const long expected = expected_ticks();
  text << "ticked " << ticks << (ticks == 1 ? " time" : " times") << " of " << expected << " expected ("
       << static_cast<long>(tick_ratio() * 100.0 + 0.5) << "%) in " << format_duration(elapsed)
       << "; longest stall " << format_duration(longest_stall);
  if (system_wait >= std::chrono::milliseconds(50)) {
    text << "; the system kept the loop waiting for a processor for " << format_duration(system_wait);
  }
  return text.str();
}

std::string format_duration(LoopClock::duration duration) {
  const double seconds = std::chrono::duration<double>(duration).count();
  char text[32];
  if (seconds >= 1.0) {
    std::snprintf(text, sizeof text, "%.2f s", seconds);
  } else if (seconds >= 0.001) {
    std::snprintf(text, sizeof text, "%.0f ms", seconds * 1000.0);
  } else {
    std::snprintf(text, sizeof text, "%.1f ms", seconds * 1000.0);
  }
  return text;
}

LoopMonitor::LoopMonitor(boost::asio::any_io_executor executor, LoopClock::duration period)
    : executor_(executor), timer_(executor) {
  report_.period = period;
}

void LoopMonitor::start() {
  if (started_) {
    return;
  }
  started_ = true;
  boost::asio::co_spawn(executor_, tick(), boost::asio::detached);
}

void LoopMonitor::begin(LoopClock::time_point now) {
  begun_measuring_ = true;
  begun_ = now;
  deadline_ = now + report_.period;
  last_wait_ = run_queue_wait_of_this_thread();
}

// Accounts for the time from the last tick (or the start) to `now`: the
// lateness of the tick due at deadline_, less what the system made the thread
// wait for a processor in that time.
void LoopMonitor::note_tick(LoopClock::time_point now) {
  const LoopClock::duration wait = run_queue_wait_of_this_thread();
  const LoopClock::duration system_wait = std::max(wait - last_wait_, LoopClock::duration::zero());
  last_wait_ = wait;
  report_.system_wait += system_wait;
  report_.elapsed = now - begun_;
  if (now <= deadline_) {
    return;
  }
  const LoopClock::duration late = now - deadline_;
  report_.longest_late = std::max(report_.longest_late, late);
  // Whole slots this lateness skipped; those the system's wait alone covers
  // are not expected to tick.
  report_.excused_ticks += std::min(late / report_.period, system_wait / report_.period);
  report_.longest_stall = std::max(report_.longest_stall, std::max(late - system_wait, LoopClock::duration::zero()));
}

boost::asio::awaitable<void> LoopMonitor::tick() {
  if (stopped_) {
    co_return;
  }
  begin(LoopClock::now());
  for (;;) {
    timer_.expires_at(deadline_);
    boost::system::error_code ignored;  // cancelled by stop()
    co_await timer_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ignored));
    if (stopped_) {
      co_return;
    }
    const LoopClock::time_point now = LoopClock::now();
    note_tick(now);
    ++report_.ticks;
    // The next tick is the next slot still ahead: a stall skips the slots it
    // covered instead of paying them back in a burst of ticks.
    deadline_ += report_.period * (1 + (now - deadline_) / report_.period);
  }
}

void LoopMonitor::stop() {
  if (stopped_) {
    return;
  }
  stopped_ = true;
  const LoopClock::time_point now = LoopClock::now();
  if (!begun_measuring_) {
    begin(now);
  }
  note_tick(now);  // a tick still due counts as a stall up to now
  timer_.cancel();
}

}  // namespace racelab::testing
