// The work log (see work_log.hpp).
#include "work_log.hpp"

#include <algorithm>
#include <atomic>
#include <limits>

#include "thread_census.hpp"

namespace racelab::testing {

namespace {

constexpr int slot_capacity = 4096;      // threads a test program may start in its life
constexpr int alive_capacity = 32;       // threads remembered as alive when one ends
constexpr long not_ended = std::numeric_limits<long>::max();

// One thread that reached a hook. Written by that thread, read by graders.
struct Slot {
  std::atomic<pid_t> tid{0};
  std::atomic<std::uint64_t> epoch{0};  // the log of its latest step
  std::atomic<long> steps{0};           // its steps in that log
  std::atomic<long> first_step{0};      // when it first stepped in that log (an event number)
  std::atomic<long> ended{not_ended};   // when it ended (an event number)
  std::atomic<int> alive_count{0};      // the threads alive when it ended…
  std::atomic<pid_t> alive[alive_capacity];  // …these
};

Slot slots[slot_capacity];
std::atomic<int> slots_used{0};
std::atomic<long> events{0};              // numbers every step and every end, in one order
std::atomic<std::uint64_t> current_epoch{0};

long next_event() { return events.fetch_add(1, std::memory_order_relaxed) + 1; }

void note_end(int index) {
  Slot& slot = slots[index];
  pid_t alive[alive_capacity];
  const auto count = threads_alive(alive, alive_capacity);
  for (std::size_t i = 0; i < count; ++i) slot.alive[i].store(alive[i], std::memory_order_relaxed);
  slot.alive_count.store(static_cast<int>(count), std::memory_order_relaxed);
  slot.ended.store(next_event(), std::memory_order_relaxed);
}

// The calling thread's slot, taken on its first step; its destructor, run as
// the thread ends (before a join() of it returns), notes the end.
struct Registration {
  int index = -1;
  ~Registration() {
    if (index >= 0) note_end(index);
  }
};

thread_local Registration registration;

// -1 when the table is full: that thread's steps are not followed.
int slot_of_this_thread() {
  if (registration.index < 0) {
    const int index = slots_used.fetch_add(1, std::memory_order_relaxed);
    if (index >= slot_capacity) return -1;
    slots[index].tid.store(this_thread_tid(), std::memory_order_relaxed);
    registration.index = index;
  }
  return registration.index;
}

bool was_alive_when_ended(const Slot& ended, pid_t tid) {
  const int count = ended.alive_count.load(std::memory_order_relaxed);
  for (int i = 0; i < count; ++i) {
    if (ended.alive[i].load(std::memory_order_relaxed) == tid) return true;
  }
  return false;
}

// One thread's life as the log saw it.
struct Life {
  const Slot* slot;
  pid_t tid;
  long begun;
  long ended;
};

bool lives_overlap(const Life& a, const Life& b) {
  return (a.begun < b.ended && b.begun < a.ended) || was_alive_when_ended(*a.slot, b.tid) ||
         was_alive_when_ended(*b.slot, a.tid);
}

}  // namespace

void note_step() {
  const int index = slot_of_this_thread();
  if (index < 0) return;
  Slot& slot = slots[index];
  const std::uint64_t epoch = current_epoch.load(std::memory_order_relaxed);
  const long event = next_event();
  if (slot.epoch.load(std::memory_order_relaxed) != epoch) {
    slot.steps.store(0, std::memory_order_relaxed);
    slot.first_step.store(event, std::memory_order_relaxed);
    slot.epoch.store(epoch, std::memory_order_relaxed);
  }
  slot.steps.fetch_add(1, std::memory_order_relaxed);
}

WorkLog::WorkLog()
    : epoch_(current_epoch.fetch_add(1, std::memory_order_relaxed) + 1), opener_(this_thread_tid()) {}

WorkSummary WorkLog::summary() const {
  WorkSummary summary;
  Life lives[64];
  int kept = 0;
  const int used = std::min(slots_used.load(std::memory_order_relaxed), slot_capacity);
  for (int i = 0; i < used; ++i) {
    const Slot& slot = slots[i];
    if (slot.epoch.load(std::memory_order_relaxed) != epoch_) continue;
    const pid_t tid = slot.tid.load(std::memory_order_relaxed);
    const long steps = slot.steps.load(std::memory_order_relaxed);
    if (tid == opener_) {
      summary.steps_on_caller += steps;
      continue;
    }
    ++summary.threads;
    summary.steps += steps;
    const long begun = slot.first_step.load(std::memory_order_relaxed);
    const long ended = slot.ended.load(std::memory_order_relaxed);
    if (ended != not_ended) ++summary.threads_ended;
    const Life life{&slot, tid, begun, ended};
    for (int j = 0; j < kept && !summary.overlapped; ++j) summary.overlapped = lives_overlap(lives[j], life);
    if (kept < 64) lives[kept++] = life;
  }
  return summary;
}

}  // namespace racelab::testing
