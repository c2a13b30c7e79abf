// Holding a thread at a hook (see hold.hpp).
#include "hold.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <ctime>

#include "thread_census.hpp"

namespace racelab::testing {

namespace {

// The threads being held now: a small open table of thread ids, 0 = free.
// More threads than this held at once are simply not left out of a census,
// which makes their holds end later, never wrongly.
constexpr int held_capacity = 256;
std::atomic<pid_t> held_threads[held_capacity];

// Marks the calling thread as held for its lifetime.
class HeldMark {
 public:
  HeldMark() : tid_(this_thread_tid()) {
    for (int i = 0; i < held_capacity; ++i) {
      pid_t free = 0;
      if (held_threads[i].compare_exchange_strong(free, tid_, std::memory_order_relaxed)) {
        index_ = i;
        return;
      }
    }
  }
  ~HeldMark() {
    if (index_ >= 0) held_threads[index_].store(0, std::memory_order_relaxed);
  }
  HeldMark(const HeldMark&) = delete;
  HeldMark& operator=(const HeldMark&) = delete;

 private:
  pid_t tid_;
  int index_ = -1;
};

// A short sleep between two looks, through the raw system call (see hold.hpp).
void pause_briefly() {
  const timespec pause{0, 50'000};
  ::syscall(SYS_nanosleep, &pause, nullptr);
}

}  // namespace

bool is_held(pid_t tid) {
  for (const auto& held : held_threads) {
    if (held.load(std::memory_order_relaxed) == tid) return true;
  }
  return false;
}

namespace detail {

HoldEnd hold_until(Condition condition, const void* state, std::chrono::microseconds limit) {
  if (condition(state)) return HoldEnd::released;
  const HeldMark mark;
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    if (condition(state)) return HoldEnd::released;
    if (census_of_other_threads(&is_held) == Census::none_can_run) {
      // Another thread may have done what was waited for just before it went
      // to sleep: look once more before giving up.
      return condition(state) ? HoldEnd::released : HoldEnd::alone;
    }
    if (std::chrono::steady_clock::now() - start >= limit) return HoldEnd::limit;
    pause_briefly();
  }
}

}  // namespace detail

}  // namespace racelab::testing
