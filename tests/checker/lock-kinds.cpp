// Test input for what the engine takes as a lock, checked by checker_tests.cpp:
// the std mutex family, shared_mutex (shared vs exclusive), pthread mutexes and
// rwlocks, binary and counting semaphores, atomic_flag and compare-exchange
// spinlocks, flockfile, osyncstream, a mutex that is a member of the struct it
// guards, a function-local static mutex.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring> [<check>]
#include <atomic>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <semaphore>
#include <shared_mutex>
#include <syncstream>
#include <thread>
#include <vector>

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace semaphore_that_lets_three_in {
// A counting semaphore of 3 is not a lock: three threads write together.
std::counting_semaphore<3> slots(3);
long counter = 0;
void worker() {
  slots.acquire();
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
  slots.release();
}
void start() {
  std::vector<std::jthread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
}
} // namespace semaphore_that_lets_three_in

namespace spinlock_released_too_early {
std::atomic_flag busy = ATOMIC_FLAG_INIT;
long counter = 0;
void worker() {
  while (busy.test_and_set(std::memory_order_acquire)) {
  }
  busy.clear(std::memory_order_release);
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace spinlock_released_too_early

namespace write_under_a_posix_read_lock {
pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
long entries = 0;
void *add(void *) {
  pthread_rwlock_rdlock(&table_lock);
  ++entries;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'entries' is written by several threads holding 'table_lock' only for reading [racelab-missing-lock]
  pthread_rwlock_unlock(&table_lock);
  return nullptr;
}
void start() {
  pthread_t ids[2];
  for (pthread_t &id : ids)
    pthread_create(&id, nullptr, add, nullptr);
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
}
} // namespace write_under_a_posix_read_lock

namespace the_other_accounts_mutex {
// Each account has its own mutex: locking one does not guard the other.
struct Account {
  std::mutex mutex;
  long balance = 0;
};
Account checking, savings;
void move_money() {
  std::lock_guard<std::mutex> lock(checking.mutex);
  checking.balance -= 1;
  savings.balance += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'savings.balance' is written by several threads with no common lock held [racelab-missing-lock]
}
void pay_interest() {
  std::lock_guard<std::mutex> lock(savings.mutex);
  savings.balance += 2;
}
void start() {
  std::thread a(move_money), b(pay_interest);
  a.join();
  b.join();
}
} // namespace the_other_accounts_mutex

namespace flockfile_around_half_the_record {
void report(int id) {
  flockfile(stdout);
  printf("worker %d: ", id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'stdout' in 2 parts [racelab-interleaved-output]
  funlockfile(stdout);
  printf("done\n");
}
void worker(int id) { report(id); }
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace flockfile_around_half_the_record

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace mutex_member_of_the_guarded_struct {
struct Shared {
  std::mutex mutex;
  long value = 0;
};
Shared shared;
void worker() {
  std::lock_guard<std::mutex> lock(shared.mutex);
  shared.value = shared.value + 1;
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace mutex_member_of_the_guarded_struct

namespace binary_semaphore_as_the_lock {
std::binary_semaphore gate{1};
long counter = 0;
void worker() {
  for (int i = 0; i < 100; ++i) {
    gate.acquire();
    ++counter;
    gate.release();
  }
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  for (auto &t : threads)
    t.join();
}
} // namespace binary_semaphore_as_the_lock

namespace counting_semaphore_of_one {
std::counting_semaphore<1> turn(1);
long counter = 0;
void worker() {
  turn.acquire();
  counter = counter + 1;
  turn.release();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace counting_semaphore_of_one

namespace atomic_flag_spinlock {
std::atomic_flag busy = ATOMIC_FLAG_INIT;
long counter = 0;
void worker() {
  for (int i = 0; i < 100; ++i) {
    while (busy.test_and_set(std::memory_order_acquire)) {
      std::this_thread::yield();
    }
    ++counter;
    busy.clear(std::memory_order_release);
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace atomic_flag_spinlock

namespace compare_exchange_spinlock {
class SpinLock {
public:
  void lock() {
    bool expected = false;
    while (!locked_.compare_exchange_weak(expected, true, std::memory_order_acquire))
      expected = false;
  }
  void unlock() { locked_.store(false, std::memory_order_release); }

private:
  std::atomic<bool> locked_{false};
};
SpinLock spin;
long counter = 0;
void worker() {
  spin.lock();
  ++counter;
  spin.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace compare_exchange_spinlock

namespace exchange_spinlock {
std::atomic<bool> locked{false};
long counter = 0;
void worker() {
  while (locked.exchange(true, std::memory_order_acquire)) {
  }
  ++counter;
  locked.store(false, std::memory_order_release);
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace exchange_spinlock

namespace flockfile_around_the_record {
void report(int id) {
  flockfile(stdout);
  printf("worker %d: ", id);
  printf("done\n");
  funlockfile(stdout);
}
void worker(int id) {
  report(id);
  printf("worker %d leaves\n", id); // one call: stdio locks the FILE for it
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace flockfile_around_the_record

namespace function_local_static_mutex {
long counter = 0;
void bump() {
  static std::mutex m;
  std::lock_guard<std::mutex> lock(m);
  ++counter;
}
void start() {
  std::thread a(bump), b(bump);
  a.join();
  b.join();
}
} // namespace function_local_static_mutex

namespace posix_rwlock {
pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
long entries = 0;
void *reader(void *) {
  pthread_rwlock_rdlock(&table_lock);
  long seen = entries;
  pthread_rwlock_unlock(&table_lock);
  (void)seen;
  return nullptr;
}
void *writer(void *) {
  pthread_rwlock_wrlock(&table_lock);
  ++entries;
  pthread_rwlock_unlock(&table_lock);
  return nullptr;
}
void start() {
  pthread_t r1, r2, w;
  pthread_create(&r1, nullptr, reader, nullptr);
  pthread_create(&r2, nullptr, reader, nullptr);
  pthread_create(&w, nullptr, writer, nullptr);
  pthread_join(r1, nullptr);
  pthread_join(r2, nullptr);
  pthread_join(w, nullptr);
}
} // namespace posix_rwlock

namespace other_std_mutexes {
std::recursive_mutex r;
std::timed_mutex t;
long a = 0, b = 0;
void worker() {
  {
    std::lock_guard<std::recursive_mutex> outer(r);
    std::lock_guard<std::recursive_mutex> inner(r);
    ++a;
  }
  if (t.try_lock_for(std::chrono::milliseconds(10))) {
    ++b;
    t.unlock();
  }
}
void start() {
  std::thread x(worker), y(worker);
  x.join();
  y.join();
}
} // namespace other_std_mutexes

namespace std_lock_then_adopt {
std::mutex from_mutex, to_mutex;
long from = 10, to = 0;
void transfer() {
  std::lock(from_mutex, to_mutex);
  std::lock_guard<std::mutex> a(from_mutex, std::adopt_lock);
  std::lock_guard<std::mutex> b(to_mutex, std::adopt_lock);
  --from;
  ++to;
}
void start() {
  std::thread x(transfer), y(transfer);
  x.join();
  y.join();
}
} // namespace std_lock_then_adopt

namespace osyncstream_variable {
void worker(int id) {
  std::osyncstream out(std::cout);
  out << "worker " << id << ": ";
  out << "done\n";
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace osyncstream_variable
