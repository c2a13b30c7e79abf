// Test input for the engine's control flow (racelab-missing-lock), checked by
// checker_tests.cpp: locks followed through early returns, break, goto,
// exceptions, try_lock, loops, switch cases, and joins inside an if.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring> [racelab-missing-lock]
// Every case that must warn has a twin below the banner, written the way a
// correct solution would, that must not.
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

void risky();
void work(int);

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace early_return_forgotten {
// The early path unlocks but does not return: it goes on to write unlocked.
std::mutex m;
long counter = 0;
bool stop = false;
void worker() {
  m.lock();
  if (stop)
    m.unlock();
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
  if (!stop)
    m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace early_return_forgotten

namespace write_after_break {
// The loop is left with the mutex released; the write after it is unlocked.
std::mutex m;
long counter = 0;
bool done = false;
void worker() {
  for (;;) {
    m.lock();
    if (done) {
      m.unlock();
      break;
    }
    m.unlock();
  }
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace write_after_break

namespace goto_skips_the_unlock {
// One path reaches the label with the mutex held, the other without.
std::mutex m;
long counter = 0;
bool quick = false;
void worker() {
  m.lock();
  if (quick)
    goto out;
  m.unlock();
out:
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
  if (quick)
    m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace goto_skips_the_unlock

namespace write_in_catch_without_the_lock {
// The guard is gone when the handler runs: its write is unlocked.
std::mutex m;
long failures = 0;
void worker() {
  try {
    std::lock_guard<std::mutex> guard(m);
    risky();
    --failures;
  } catch (const std::exception &) {
    ++failures;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'failures' is written by several threads with no common lock held [racelab-missing-lock]
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace write_in_catch_without_the_lock

namespace try_lock_result_ignored {
// Written whether or not the lock was taken.
std::mutex m;
long counter = 0;
void worker() {
  bool got = m.try_lock();
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
  if (got)
    m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace try_lock_result_ignored

namespace unlocked_inside_the_loop {
// Locked once before the loop, unlocked in its first round: the next rounds
// write unlocked.
std::mutex m;
long counter = 0;
void worker(int rounds) {
  m.lock();
  for (int i = 0; i < rounds; ++i) {
    ++counter;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
    m.unlock();
  }
}
void start() {
  std::thread a(worker, 3), b(worker, 3);
  a.join();
  b.join();
}
} // namespace unlocked_inside_the_loop

namespace lock_in_one_case_write_in_another {
std::mutex m;
long counter = 0;
void worker(int mode) {
  switch (mode) {
  case 0:
    m.lock();
    break;
  case 1:
    ++counter;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
    break;
  default:
    break;
  }
  if (mode == 0)
    m.unlock();
}
void start() {
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
}
} // namespace lock_in_one_case_write_in_another

namespace join_inside_an_if {
// Joined on one path only: on the other the thread still runs when the
// result is read.
long result = 0;
void compute() { result = 42; }
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'result' is written by one thread and read by another with no lock held [racelab-missing-lock]
long run(bool wait) {
  std::thread t(compute);
  if (wait)
    t.join();
  else
    t.detach();
  return result;
}
} // namespace join_inside_an_if

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace early_return {
std::mutex m;
long counter = 0;
bool stop = false;
void worker() {
  m.lock();
  if (stop) {
    m.unlock();
    return;
  }
  ++counter;
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace early_return

namespace early_return_with_a_guard {
std::mutex m;
long counter = 0;
bool stop = false;
void worker() {
  std::lock_guard<std::mutex> guard(m);
  if (stop)
    return;
  ++counter;
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace early_return_with_a_guard

namespace break_out_of_the_loop {
std::mutex m;
long counter = 0;
bool stop = false;
void worker() {
  while (true) {
    m.lock();
    if (stop) {
      m.unlock();
      break;
    }
    ++counter;
    m.unlock();
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace break_out_of_the_loop

namespace goto_to_the_unlock {
std::mutex m;
long counter = 0;
bool stop = false;
void worker() {
  m.lock();
  if (stop)
    goto out;
  ++counter;
out:
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace goto_to_the_unlock

namespace lock_again_in_catch {
std::mutex m;
long counter = 0;
void worker() {
  try {
    std::lock_guard<std::mutex> guard(m);
    risky();
    ++counter;
  } catch (...) {
    std::lock_guard<std::mutex> guard(m);
    --counter;
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace lock_again_in_catch

namespace try_lock_on_its_true_edge {
std::mutex m;
long counter = 0;
void worker() {
  if (m.try_lock()) {
    ++counter;
    m.unlock();
  }
  std::unique_lock<std::mutex> lock(m, std::try_to_lock);
  if (lock.owns_lock())
    ++counter;
  while (!m.try_lock()) {
  }
  ++counter;
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace try_lock_on_its_true_edge

namespace lock_before_the_loop_unlock_inside {
// The manager's shape: take a job under the lock, work without it, lock again.
std::mutex m;
std::vector<int> jobs;
long taken = 0;
void worker() {
  m.lock();
  while (!jobs.empty()) {
    int job = jobs.back();
    jobs.pop_back();
    ++taken;
    m.unlock();
    work(job);
    m.lock();
  }
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace lock_before_the_loop_unlock_inside

namespace lock_around_the_switch {
std::mutex m;
long counter = 0;
void worker(int mode) {
  m.lock();
  switch (mode) {
  case 0:
    ++counter;
    break;
  case 1:
    --counter;
    break;
  default:
    counter = 0;
  }
  m.unlock();
}
void start() {
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
}
} // namespace lock_around_the_switch

namespace join_inside_an_if_then_read_there {
long result = 0;
void compute() { result = 42; }
long run(bool wait) {
  std::thread t(compute);
  if (wait) {
    t.join();
    return result; // joined on this path
  }
  t.join();
  return -1;
}
} // namespace join_inside_an_if_then_read_there
