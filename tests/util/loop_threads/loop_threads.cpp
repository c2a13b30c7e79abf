// Which threads run the handlers of each Asio event loop (see loop_threads.hpp).
#include "loop_threads.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>

#include "hold.hpp"
#include "thread_census.hpp"

namespace racelab::testing {

namespace {

constexpr int max_loops = 32;
constexpr int max_threads = 8;  // per loop: more than enough to say "more than one"
constexpr std::chrono::milliseconds hold_limit{20};

struct LoopEntry {
  std::atomic<const void*> loop{nullptr};
  std::atomic<int> thread_count{0};
  std::atomic<pid_t> threads[max_threads];
  std::atomic<int> holds_left{0};
};

LoopEntry entries[max_loops];
std::atomic<bool> watching{false};
std::atomic<int> holds_per_loop{0};

LoopEntry* entry_of(const void* loop) {
  for (LoopEntry& entry : entries) {
    const void* seen = entry.loop.load(std::memory_order_relaxed);
    if (seen == loop) return &entry;
    if (seen == nullptr) {
      const void* empty = nullptr;
      if (entry.loop.compare_exchange_strong(empty, loop, std::memory_order_relaxed)) {
        entry.holds_left.store(holds_per_loop.load(std::memory_order_relaxed), std::memory_order_relaxed);
        return &entry;
      }
      if (empty == loop) return &entry;
    }
  }
  return nullptr;  // more loops than the table holds: not followed
}

// Notes `tid` on `entry`; true if it is a thread the loop had not had yet.
bool note_thread(LoopEntry& entry, pid_t tid) {
  const int count = std::min(entry.thread_count.load(std::memory_order_relaxed), max_threads);
  for (int i = 0; i < count; ++i) {
    if (entry.threads[i].load(std::memory_order_relaxed) == tid) return false;
  }
  const int slot = entry.thread_count.fetch_add(1, std::memory_order_relaxed);
  if (slot < max_threads) entry.threads[slot].store(tid, std::memory_order_relaxed);
  return true;
}

}  // namespace

LoopThreadsWatch::LoopThreadsWatch(int holds) {
  for (LoopEntry& entry : entries) {
    entry.loop.store(nullptr, std::memory_order_relaxed);
    entry.thread_count.store(0, std::memory_order_relaxed);
  }
  holds_per_loop.store(holds, std::memory_order_relaxed);
  watching.store(true, std::memory_order_relaxed);
}

LoopThreadsWatch::~LoopThreadsWatch() { watching.store(false, std::memory_order_relaxed); }

int LoopThreadsWatch::most_threads_on_one_loop() const {
  int most = 0;
  for (const LoopEntry& entry : entries) {
    if (entry.loop.load(std::memory_order_relaxed) != nullptr) {
      most = std::max(most, entry.thread_count.load(std::memory_order_relaxed));
    }
  }
  return most;
}

int LoopThreadsWatch::loops() const {
  return static_cast<int>(std::count_if(std::begin(entries), std::end(entries), [](const LoopEntry& entry) {
    return entry.loop.load(std::memory_order_relaxed) != nullptr;
  }));
}

namespace asio_tracking {

void handler_runs(const void* loop) {
  if (loop == nullptr || !watching.load(std::memory_order_relaxed)) return;
  LoopEntry* entry = entry_of(loop);
  if (entry == nullptr) return;
  if (note_thread(*entry, this_thread_tid())) wake_held_threads();
  if (entry->thread_count.load(std::memory_order_relaxed) >= 2) return;  // seen: nothing left to force
  if (entry->holds_left.fetch_sub(1, std::memory_order_relaxed) <= 0) return;
  hold_until([entry] { return entry->thread_count.load(std::memory_order_relaxed) >= 2; }, hold_limit);
}

}  // namespace asio_tracking
}  // namespace racelab::testing
