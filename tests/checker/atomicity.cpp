// Test input for updates split in two (racelab-missing-lock), checked by
// checker_tests.cpp: a value read in one critical section (or by an atomic
// load) and written back in another is a lost update even though every
// access is locked or atomic; so is a compare-exchange whose result is
// ignored.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring> [racelab-missing-lock]
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

long compute(long);

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace two_critical_sections {
std::mutex m;
long counter = 0;
void worker() {
  m.lock();
  long old = counter;
  // CHECK-NOTES: :[[@LINE-1]]:14: note: the value is read here, under the lock taken on line 24, which is released before the write
  m.unlock();
  m.lock();
  // CHECK-NOTES: :[[@LINE-1]]:5: note: the lock is taken again here
  counter = old + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'counter' is read in one critical section and written back in another; another thread's update in between is lost [racelab-missing-lock]
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace two_critical_sections

namespace two_guarded_blocks {
std::mutex m;
long balance = 100;
void withdraw(long amount) {
  long current;
  {
    std::lock_guard<std::mutex> lock(m);
    current = balance;
  }
  long next = current - compute(amount);
  {
    std::lock_guard<std::mutex> lock(m);
    balance = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'balance' is read in one critical section and written back in another [racelab-missing-lock]
  }
}
void start() {
  std::thread a(withdraw, 10), b(withdraw, 20);
  a.join();
  b.join();
}
} // namespace two_guarded_blocks

namespace compare_exchange_result_ignored {
std::atomic<long> counter{0};
void worker() {
  long old = counter.load();
  counter.compare_exchange_strong(old, old + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the result of this compare-exchange on 'counter' is ignored [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: to fix: loop until the exchange succeeds
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  for (auto &t : threads)
    t.join();
}
} // namespace compare_exchange_result_ignored

namespace load_then_store_through_a_local {
std::atomic<int> level{0};
void worker() {
  int seen = level.load(std::memory_order_acquire);
  int next = seen * 2 + 1;
  level.store(next, std::memory_order_release);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'level' is read and then written back as two separate atomic operations [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace load_then_store_through_a_local

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace one_critical_section {
std::mutex m;
long counter = 0;
void worker() {
  m.lock();
  long old = counter;
  counter = old + 1;
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace one_critical_section

namespace read_for_display_only {
std::mutex m;
long counter = 0;
long shown = 0;
void worker() {
  long seen;
  {
    std::lock_guard<std::mutex> lock(m);
    seen = counter;
  }
  {
    std::lock_guard<std::mutex> lock(m);
    ++counter;
    shown = seen; // another variable
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace read_for_display_only

namespace reset_in_a_second_section {
std::mutex m;
long counter = 0;
long total = 0;
void worker() {
  long seen;
  {
    std::lock_guard<std::mutex> lock(m);
    seen = counter;
  }
  {
    std::lock_guard<std::mutex> lock(m);
    counter = 0; // does not depend on what was read
    total += seen;
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace reset_in_a_second_section

namespace compare_exchange_in_a_loop {
std::atomic<long> counter{0};
std::atomic<long> most{0};
void worker(long value) {
  long old = counter.load();
  while (!counter.compare_exchange_weak(old, old + 1)) {
  }
  long seen = most.load();
  while (value > seen && !most.compare_exchange_weak(seen, value)) {
  }
  if (counter.compare_exchange_strong(old, 0))
    counter.fetch_add(1);
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace compare_exchange_in_a_loop

namespace one_atomic_step {
std::atomic<long> counter{0};
void worker() {
  counter.fetch_add(1, std::memory_order_relaxed);
  ++counter;
  counter += 2;
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace one_atomic_step
