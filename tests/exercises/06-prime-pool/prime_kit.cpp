// The kit's racelab::is_prime() for the graders: the shared workload's test,
// plus a record of who called it and how many calls ran at once (see
// prime_kit.hpp).
//
// The records are relaxed atomics on purpose: they must not order the
// student's threads in any way. A mutex here would create happens-before
// edges between the workers, and could hide their own race from
// ThreadSanitizer. They live in one page mapped shared before any fork, so
// that calls made in child processes are recorded where the parent sees them.
#include "prime_kit.hpp"

#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <new>

#include "hold.hpp"
#include "prime_pool.hpp"
#include "thread_census.hpp"

namespace racelab {

namespace {

constexpr int max_callers = 256;

struct Caller {
  std::atomic<pid_t> process;
  std::atomic<pid_t> thread;
};

struct Records {
  std::atomic<std::thread::id> watched_thread;  // meaningful in the watching process only
  std::atomic<pid_t> watched_tid;
  std::atomic<pid_t> watching_process;
  std::atomic<long> on_caller;
  std::atomic<long> elsewhere;
  std::atomic<long> in_children;
  std::atomic<int> running;
  std::atomic<int> most_running;
  std::atomic<int> holds_left;
  std::atomic<int> caller_count;
  Caller callers[max_callers];
};

// Shared with every child process forked after the first use.
Records& records() {
  static Records* shared = [] {
    void* page = ::mmap(nullptr, sizeof(Records), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return new (page == MAP_FAILED ? ::operator new(sizeof(Records)) : page) Records{};
  }();
  return *shared;
}

pid_t this_process() { return static_cast<pid_t>(::syscall(SYS_getpid)); }

// Notes the calling thread; true if it had not called since the watch began.
bool note_caller(Records& r, pid_t process, pid_t thread) {
  const int count = std::min(r.caller_count.load(std::memory_order_relaxed), max_callers);
  for (int i = 0; i < count; ++i) {
    if (r.callers[i].process.load(std::memory_order_relaxed) == process &&
        r.callers[i].thread.load(std::memory_order_relaxed) == thread) {
      return false;
    }
  }
  const int slot = r.caller_count.fetch_add(1, std::memory_order_relaxed);
  if (slot < max_callers) {
    r.callers[slot].process.store(process, std::memory_order_relaxed);
    r.callers[slot].thread.store(thread, std::memory_order_relaxed);
  }
  return true;
}

// A first call waits for company (see prime_kit.hpp): long enough for any
// worker to start, bounded for workers the census cannot see.
void wait_for_another_check(Records& r, bool in_child) {
  if (r.most_running.load(std::memory_order_relaxed) >= 2) return;
  if (r.holds_left.fetch_sub(1, std::memory_order_relaxed) <= 0) return;
  hold_until([&r] { return r.most_running.load(std::memory_order_relaxed) >= 2; },
             std::chrono::milliseconds(in_child ? 1000 : 200),
             in_child ? testing::Among::related_processes : testing::Among::threads);
}

}  // namespace

bool is_prime(std::uint64_t n) {
  Records& r = records();
  const pid_t process = this_process();
  const bool in_child = process != r.watching_process.load(std::memory_order_relaxed);
  if (in_child) {
    r.in_children.fetch_add(1, std::memory_order_relaxed);
  } else if (std::this_thread::get_id() == r.watched_thread.load(std::memory_order_relaxed)) {
    r.on_caller.fetch_add(1, std::memory_order_relaxed);
  } else {
    r.elsewhere.fetch_add(1, std::memory_order_relaxed);
  }
  const bool first_call = note_caller(r, process, testing::this_thread_tid());
  const int now = r.running.fetch_add(1, std::memory_order_relaxed) + 1;
  int most = r.most_running.load(std::memory_order_relaxed);
  while (now > most && !r.most_running.compare_exchange_weak(most, now, std::memory_order_relaxed)) {
  }
  if (now >= 2) testing::wake_held_threads();
  if (first_call) wait_for_another_check(r, in_child);
  const bool prime = bench::is_prime(n);
  r.running.fetch_sub(1, std::memory_order_relaxed);
  return prime;
}

namespace testing {

void watch_checks_from(std::thread::id caller) {
  Records& r = records();
  r.watched_thread.store(caller, std::memory_order_relaxed);
  r.watched_tid.store(this_thread_tid(), std::memory_order_relaxed);
  r.watching_process.store(this_process(), std::memory_order_relaxed);
  r.on_caller.store(0, std::memory_order_relaxed);
  r.elsewhere.store(0, std::memory_order_relaxed);
  r.in_children.store(0, std::memory_order_relaxed);
  r.running.store(0, std::memory_order_relaxed);
  r.most_running.store(0, std::memory_order_relaxed);
  r.holds_left.store(4, std::memory_order_relaxed);
  r.caller_count.store(0, std::memory_order_relaxed);
}

WhereChecked checks_seen() {
  Records& r = records();
  WhereChecked seen;
  seen.on_caller = r.on_caller.load(std::memory_order_relaxed);
  seen.elsewhere = r.elsewhere.load(std::memory_order_relaxed);
  seen.in_children = r.in_children.load(std::memory_order_relaxed);
  seen.most_at_once = r.most_running.load(std::memory_order_relaxed);
  const pid_t watching = r.watching_process.load(std::memory_order_relaxed);
  const pid_t watched = r.watched_tid.load(std::memory_order_relaxed);
  const int count = std::min(r.caller_count.load(std::memory_order_relaxed), max_callers);
  for (int i = 0; i < count; ++i) {
    const pid_t process = r.callers[i].process.load(std::memory_order_relaxed);
    if (process == watching) {
      if (r.callers[i].thread.load(std::memory_order_relaxed) != watched) ++seen.threads;
      continue;
    }
    bool seen_before = false;  // a child counts once, whatever its threads
    for (int j = 0; j < i && !seen_before; ++j) {
      seen_before = r.callers[j].process.load(std::memory_order_relaxed) == process;
    }
    if (!seen_before) ++seen.children;
  }
  return seen;
}

}  // namespace testing

}  // namespace racelab
