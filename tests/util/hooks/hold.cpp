// Holding a thread at a hook (see hold.hpp).
#include "hold.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <ctime>

#include "thread_census.hpp"

namespace racelab::testing {

namespace {

// The threads being held now: a small open table, tid 0 = a free entry.
// More threads than this held at once are simply not left out of a census,
// which makes their holds end later, never wrongly.
constexpr int held_capacity = 256;

struct HeldEntry {
  std::atomic<pid_t> tid{0};
  std::atomic<bool> woken{false};
};

HeldEntry held[held_capacity];

// Marks the calling thread as held for its lifetime.
class HeldMark {
 public:
  HeldMark() : tid_(this_thread_tid()) {
    for (int i = 0; i < held_capacity; ++i) {
      pid_t free = 0;
      if (held[i].tid.compare_exchange_strong(free, tid_, std::memory_order_relaxed)) {
        held[i].woken.store(false, std::memory_order_relaxed);
        index_ = i;
        return;
      }
    }
  }
  ~HeldMark() {
    if (index_ >= 0) held[index_].tid.store(0, std::memory_order_relaxed);
  }
  HeldMark(const HeldMark&) = delete;
  HeldMark& operator=(const HeldMark&) = delete;

  // Polled again after a wake-up that was not for it: waiting once more.
  void waiting_again() const {
    if (index_ >= 0) held[index_].woken.store(false, std::memory_order_relaxed);
  }

 private:
  pid_t tid_;
  int index_ = -1;
};

// A short sleep between two looks, through the raw system call (see hold.hpp).
void pause_briefly() {
  const timespec pause{0, 50'000};
  ::syscall(SYS_nanosleep, &pause, nullptr);
}

// How a hold's census regards the other threads: one held and waiting is left
// out (it waits for the same kind of thing); one just woken can run.
Regard regard_for_hold(pid_t tid) {
  for (const HeldEntry& entry : held) {
    if (entry.tid.load(std::memory_order_relaxed) == tid) {
      return entry.woken.load(std::memory_order_relaxed) ? Regard::runnable : Regard::skip;
    }
  }
  return Regard::by_state;
}

}  // namespace

void wake_held_threads() {
  const pid_t self = this_thread_tid();
  for (HeldEntry& entry : held) {
    const pid_t tid = entry.tid.load(std::memory_order_relaxed);
    if (tid != 0 && tid != self) entry.woken.store(true, std::memory_order_relaxed);
  }
}

bool is_waiting_in_hold(pid_t tid) { return regard_for_hold(tid) == Regard::skip; }

namespace detail {

HoldEnd hold_until(Condition condition, const void* state, std::chrono::microseconds limit, Among among) {
  if (condition(state)) return HoldEnd::released;
  const HeldMark mark;
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    mark.waiting_again();  // first: a wake-up from here on is kept for the census
    if (condition(state)) return HoldEnd::released;
    const Census census = among == Among::threads ? census_of_other_threads(&regard_for_hold)
                                                  : census_of_related_processes();
    if (census == Census::none_can_run) {
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
