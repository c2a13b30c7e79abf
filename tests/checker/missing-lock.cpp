// Test input for racelab-missing-lock, checked by checker_tests.cpp.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring of the message> [racelab-missing-lock]
// and each expected note (optional; only the ones listed are checked):
//   // CHECK-NOTES: :[[@LINE-1]]:<col>: note: <substring>
// The runner fails on a missing warning, on a warning nobody announced, and
// on a missing note. Every case has its own variables and thread functions.
#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <pthread.h>
#include <queue>
#include <shared_mutex>
#include <thread>
#include <vector>

void fuzz();

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace plain_member_beside_an_atomic_one {
// The struct is shared as a whole: its atomic member is safe, but its plain
// member written by every worker is not.
struct Progress {
  std::atomic<long> next{0};
  long done = 0;
};
void step(Progress& progress) {
  progress.next.fetch_add(1);
  progress.done = progress.done + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'progress.done' is written by several threads with no lock held [racelab-missing-lock]
}
void start() {
  Progress progress;
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) workers.emplace_back(step, std::ref(progress));
  for (auto& w : workers) w.join();
}
} // namespace plain_member_beside_an_atomic_one

namespace write_under_reader_lock {
// A shared_lock keeps writers out but lets readers in together: two threads
// that both write under it are not excluded from each other.
std::shared_mutex table_mutex;
long hits = 0;
void count_hit() {
  std::shared_lock<std::shared_mutex> lock(table_mutex);
  ++hits;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'hits' is written by several threads holding 'table_mutex' only for reading; updates can be lost [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-3]]:44: note: 'table_mutex' is locked here in shared (reader) mode
}
void start() {
  std::thread a(count_hit), b(count_hit);
  a.join();
  b.join();
}
} // namespace write_under_reader_lock

namespace write_under_lock_shared {
std::shared_mutex config_mutex;
int level = 0;
void raise_level() {
  config_mutex.lock_shared();
  level = level + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'level' is written by several threads holding 'config_mutex' only for reading [racelab-missing-lock]
  config_mutex.unlock_shared();
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back(raise_level);
  for (std::thread &t : threads)
    t.join();
}
} // namespace write_under_lock_shared

namespace lost_increment {
long counter = 0;
void worker() {
  ++counter;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held; updates can be lost [racelab-missing-lock]
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'worker' is started here inside a loop, so several threads run it at the same time
  for (auto &t : threads)
    t.join();
}
} // namespace lost_increment

namespace read_then_write {
long counter = 0;
void worker(int n) {
  for (int i = 0; i < n; ++i) {
    long old_value = counter;
    // CHECK-NOTES: :[[@LINE-1]]:22: note: 'counter' is also read here by another thread running 'worker', with no lock held
    fuzz();
    counter = old_value + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written by several threads with no lock held [racelab-missing-lock]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: to fix: protect every access to 'counter' with the same std::mutex (std::lock_guard), make it std::atomic, or give it to one owner thread
  }
}
void start(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, n);
  for (auto &t : threads)
    t.join();
}
} // namespace read_then_write

namespace mutex_per_thread {
long counter = 0;
void worker() {
  std::mutex m; // one per thread: excludes nothing
  // CHECK-NOTES: :[[@LINE-1]]:14: note: 'm' is declared inside the thread's own code: every thread creates and locks its own mutex
  std::lock_guard<std::mutex> lock(m);
  counter = counter + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'counter' is written by several threads with no shared lock held [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace mutex_per_thread

namespace different_mutexes {
long total = 0;
std::mutex first_mutex, second_mutex;
void add() {
  std::lock_guard<std::mutex> lock(first_mutex);
  total += 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'total' is written by several threads with no common lock held [racelab-missing-lock]
}
void subtract() {
  std::lock_guard<std::mutex> lock(second_mutex);
  total -= 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'total' is also written here by the thread running 'subtract', holding 'second_mutex'
}
void start() {
  std::thread a(add);
  std::thread s(subtract);
  a.join();
  s.join();
}
} // namespace different_mutexes

namespace writer_and_reader {
int latest = 0;
int seen = 0;
void start() {
  std::thread writer([] { latest = 42; });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'latest' is written by one thread and read by another with no lock held; the reader can see a stale or half-written value [racelab-missing-lock]
  std::thread reader([] { seen = latest; });
  writer.join();
  reader.join();
}
} // namespace writer_and_reader

namespace captured_by_reference {
long start() {
  long total = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back([&total] { total += 1; });
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'total' is written by several threads with no lock held [racelab-missing-lock]
  for (auto &t : threads)
    t.join();
  return total;
}
} // namespace captured_by_reference

namespace passed_with_std_ref {
void add(long &sum) {
  sum += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sum' (that is, 'grand_total') is written by several threads with no lock held [racelab-missing-lock]
}
long start() {
  long grand_total = 0;
  std::thread a(add, std::ref(grand_total));
  std::thread b(add, std::ref(grand_total));
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'add' is started again here, so several threads run it at the same time
  a.join();
  b.join();
  return grand_total;
}
} // namespace passed_with_std_ref

namespace member_through_this {
class Tally {
public:
  void work() { ++hits; }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'hits' is written by several threads with no lock held [racelab-missing-lock]
  void run() {
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i)
      threads.emplace_back(&Tally::work, this);
    for (auto &t : threads)
      t.join();
  }

private:
  long hits = 0;
};
} // namespace member_through_this

namespace lambda_capturing_this {
class Collector {
public:
  void run() {
    std::vector<std::jthread> threads;
    for (int i = 0; i < 2; ++i)
      threads.emplace_back([this] { items.push_back(1); });
      // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'items' is written by several threads with no lock held [racelab-missing-lock]
  }

private:
  std::vector<int> items;
};
} // namespace lambda_capturing_this

namespace posix_threads {
long pthread_count = 0;
void *bump(void *) {
  pthread_count++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_count' is written by several threads with no lock held [racelab-missing-lock]
  return nullptr;
}
void start() {
  pthread_t ids[2];
  for (pthread_t &id : ids)
    pthread_create(&id, nullptr, bump, nullptr);
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
}
} // namespace posix_threads

namespace async_tasks {
long jobs_done = 0;
void task() {
  jobs_done = jobs_done + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs_done' is written by several threads [racelab-missing-lock]
}
void start() {
  std::vector<std::future<void>> futures;
  for (int i = 0; i < 3; ++i)
    futures.push_back(std::async(std::launch::async, task));
}
} // namespace async_tasks

namespace static_member {
struct Stats {
  static long calls;
};
long Stats::calls = 0;
void start() {
  std::vector<std::jthread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([] { Stats::calls++; });
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'calls' is written by several threads [racelab-missing-lock]
}
} // namespace static_member

namespace function_static {
void worker() {
  static long seen = 0;
  ++seen;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'seen' is written by several threads [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace function_static

namespace unlocked_too_early {
std::mutex m;
long value = 0;
void worker() {
  m.lock();
  m.unlock();
  value++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'value' is written by several threads with no lock held [racelab-missing-lock]
}
void start() {
  for (int i = 0; i < 2; ++i)
    std::thread(worker).detach();
}
} // namespace unlocked_too_early

namespace through_a_helper {
long steps = 0;
void step() { steps += 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'steps' is written by several threads [racelab-missing-lock]
void worker() {
  for (int i = 0; i < 10; ++i)
    step();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace through_a_helper

namespace unique_lock_released {
std::mutex m;
long balance = 0;
void worker() {
  std::unique_lock<std::mutex> lock(m);
  long read = balance;
  lock.unlock();
  balance = read + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'balance' is written by several threads with no common lock held [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace unique_lock_released

namespace locked_on_one_path {
std::mutex m;
long hits = 0;
void worker(bool careful) {
  if (careful)
    m.lock();
  hits++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'hits' is written by several threads with no lock held [racelab-missing-lock]
  if (careful)
    m.unlock();
}
void start() {
  std::thread a(worker, true), b(worker, false);
  a.join();
  b.join();
}
} // namespace locked_on_one_path

namespace shared_queue {
std::queue<int> jobs;
void producer(int n) { jobs.push(n); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'jobs' is written by several threads with no lock held [racelab-missing-lock]
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back(producer, i);
  for (auto &t : threads)
    t.join();
}
} // namespace shared_queue

namespace atomic_load_then_store {
std::atomic<long> counter{0};
void worker() {
  long old = counter.load();
  // CHECK-NOTES: :[[@LINE-1]]:14: note: the value is read here; another thread can update 'counter' before it is stored
  fuzz();
  counter.store(old + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'counter' is read and then written back as two separate atomic operations; another thread's update in between is lost — use fetch_add or a compare-exchange loop [racelab-missing-lock]
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  for (auto &t : threads)
    t.join();
}
} // namespace atomic_load_then_store

namespace atomic_assign_from_itself {
std::atomic<int> level{0};
void worker() {
  level = level + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'level' is read and then written back as two separate atomic operations [racelab-missing-lock]
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace atomic_assign_from_itself

namespace main_writes_while_thread_reads {
bool stop = false;
void spin() {
  while (!stop)
    // CHECK-NOTES: :[[@LINE-1]]:11: note: 'stop' is also read here by the thread running 'spin', with no lock held
    fuzz();
}
void run() {
  stop = false; // before the start: alone
  std::thread spinner(spin);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'spin' is started here and runs at the same time as 'run' until it is joined
  fuzz();
  stop = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stop' is written by one thread and read by another with no lock held; the reader can see a stale or half-written value [racelab-missing-lock]
  spinner.join();
}
} // namespace main_writes_while_thread_reads

namespace main_reads_while_thread_writes {
long progress = 0;
void worker() {
  ++progress;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'progress' is written by one thread and read by another with no lock held [racelab-missing-lock]
}
long run() {
  std::thread t(worker);
  long seen = progress;
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'progress' is also read here by the thread running 'run' while the thread running 'worker' runs, with no lock held
  t.join();
  return seen + progress; // after the join: fine
}
} // namespace main_reads_while_thread_writes

namespace main_writes_under_its_own_lock {
bool ready = false;
std::mutex ready_mutex;
void waiter() {
  while (!ready)
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'ready' is read with no lock held while another thread writes it holding 'ready_mutex' [racelab-missing-lock]
    // CHECK-NOTES: :[[@LINE-2]]:11: note: to fix: take 'ready_mutex' around this read too
    fuzz();
}
void run() {
  std::thread t(waiter);
  {
    std::lock_guard<std::mutex> lock(ready_mutex);
    ready = true;
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'ready' is also written here by the thread running 'run'
  }
  t.join();
}
} // namespace main_writes_under_its_own_lock

namespace detached_thread_never_joined {
long frames = 0;
void draw() {
  ++frames;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'frames' is written by one thread and read by another with no lock held [racelab-missing-lock]
}
long run() {
  std::thread t(draw);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'draw' is started here and never joined in 'run': it runs at the same time as all the code that follows
  t.detach();
  return frames;
}
} // namespace detached_thread_never_joined

namespace main_writes_local_captured_by_reference {
void run() {
  int limit = 10;
  std::thread t([&limit] {
    for (int i = 0; i < limit; ++i)
      // CHECK-NOTES: :[[@LINE-1]]:25: note: 'limit' is also read here by the thread running the lambda at line
      fuzz();
  });
  limit = 20;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'limit' is written by one thread and read by another with no lock held [racelab-missing-lock]
  t.join();
}
} // namespace main_writes_local_captured_by_reference

namespace main_writes_in_a_loop_of_starts {
int shared_index = 0;
void worker() { fuzz(); (void)shared_index; }
void run() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    shared_index = i; // the next iteration's write runs alongside the first thread
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'shared_index' is written by one thread and read by another with no lock held [racelab-missing-lock]
    threads.emplace_back(worker);
  }
  for (auto &t : threads)
    t.join();
}
} // namespace main_writes_in_a_loop_of_starts

namespace predicate_under_another_mutex {
std::mutex flag_mutex, other_mutex;
std::condition_variable flag_changed;
bool flag = false;
void waiter() {
  std::unique_lock<std::mutex> lock(other_mutex);
  flag_changed.wait(lock, [] { return flag; });
}
void setter() {
  std::lock_guard<std::mutex> lock(flag_mutex);
  flag = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flag' is written by one thread and read by another with no common lock held [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the write holds 'flag_mutex', which the other access does not
}
void run() {
  std::thread a(waiter), b(setter);
  a.join();
  b.join();
}
} // namespace predicate_under_another_mutex

namespace predicate_with_unlocked_writer_in_main {
std::mutex m;
std::condition_variable cv;
bool go = false;
void waiter() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait_for(lock, std::chrono::milliseconds(10), [] { return go; });
}
void run() {
  std::thread t(waiter);
  go = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'go' is written by one thread and read by another with no common lock held [racelab-missing-lock]
  cv.notify_one();
  t.join();
}
} // namespace predicate_with_unlocked_writer_in_main

// ============================================================================
// Cases that must NOT warn
// ============================================================================
namespace atomic_member_of_a_shared_struct {
// Workers take indices from an atomic member of a struct they share by
// reference; its other member is only read.
struct Work {
  std::atomic<unsigned long> next{0};
  unsigned long size = 10;
};
void take(Work& work) {
  for (;;) {
    const unsigned long i = work.next.fetch_add(1);
    if (i >= work.size) return;
  }
}
void start() {
  Work work;
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) workers.emplace_back(take, std::ref(work));
  for (auto& w : workers) w.join();
}
} // namespace atomic_member_of_a_shared_struct

namespace reader_writer_lock {
// Readers share the mutex, the writer takes it exclusively: every write is
// excluded from every read and from every other write.
std::shared_mutex prices_mutex;
long price = 0;
long read_price() {
  std::shared_lock<std::shared_mutex> lock(prices_mutex);
  return price;
}
void set_price(long p) {
  std::unique_lock<std::shared_mutex> lock(prices_mutex);
  price = p;
}
void start() {
  std::thread reader1([] { read_price(); });
  std::thread reader2([] { read_price(); });
  std::thread writer([] { set_price(3); });
  reader1.join();
  reader2.join();
  writer.join();
}
} // namespace reader_writer_lock

namespace lock_shared_for_reads {
std::shared_mutex limits_mutex;
int limit = 10;
int get_limit() {
  limits_mutex.lock_shared();
  int value = limit;
  limits_mutex.unlock_shared();
  return value;
}
void set_limit(int value) {
  std::lock_guard<std::shared_mutex> lock(limits_mutex);
  limit = value;
}
void start() {
  std::thread a([] { get_limit(); }), b([] { set_limit(5); }), c([] { get_limit(); });
  a.join();
  b.join();
  c.join();
}
} // namespace lock_shared_for_reads


namespace one_shared_mutex {
std::mutex counter_mutex;
long counter = 0;
void worker(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> lock(counter_mutex);
    long old_value = counter;
    counter = old_value + 1;
  }
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, 100);
  for (auto &t : threads)
    t.join();
}
} // namespace one_shared_mutex

namespace atomic_counter {
std::atomic<long> counter{0};
std::atomic<long> other{0};
void worker() {
  counter.fetch_add(1);
  ++other;
  long now = other.load(); // a load alone is fine
  (void)now;
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker);
  for (auto &t : threads)
    t.join();
}
} // namespace atomic_counter

namespace compare_exchange_loop {
std::atomic<long> counter{0};
void worker() {
  long old = counter.load();
  while (!counter.compare_exchange_weak(old, old + 1)) {
  }
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace compare_exchange_loop

namespace manager_thread {
std::mutex queue_mutex;
std::condition_variable queue_changed;
std::queue<int> requests;
bool finished = false;
long count = 0; // only the manager touches it while threads run
void worker(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> lock(queue_mutex);
    requests.push(1);
    queue_changed.notify_one();
  }
}
void manager() {
  while (true) {
    std::unique_lock<std::mutex> lock(queue_mutex);
    queue_changed.wait(lock, [] { return !requests.empty() || finished; });
    if (requests.empty())
      return;
    count += requests.front();
    requests.pop();
  }
}
long start() {
  std::thread owner(manager);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, 10);
  for (auto &t : threads)
    t.join();
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    finished = true;
  }
  queue_changed.notify_one();
  owner.join();
  return count; // after join
}
} // namespace manager_thread

namespace per_thread_storage {
thread_local long calls = 0;
void worker() { ++calls; }
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace per_thread_storage

namespace constants {
const long limit = 10;
constexpr long step = 2;
long sink_a = 0, sink_b = 0;
void worker_a() { sink_a = limit * step; }
void worker_b() { sink_b = limit + step; }
void start() {
  std::thread a(worker_a), b(worker_b);
  a.join();
  b.join();
}
} // namespace constants

namespace main_thread_only {
long setting = 0;
long result = 0;
void worker() { (void)setting; }
void start() {
  setting = 5; // before any thread starts
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  result = setting * 2; // after they are joined
}
} // namespace main_thread_only

namespace single_owner {
long progress = 0;
void worker() { ++progress; } // only one thread runs this
void start() {
  std::thread t(worker);
  t.join();
}
} // namespace single_owner

namespace two_mutexes_one_common {
std::mutex a_mutex, b_mutex;
long shared_total = 0;
void both() {
  std::scoped_lock lock(a_mutex, b_mutex);
  shared_total += 1;
}
void only_a() {
  std::lock_guard<std::mutex> lock(a_mutex);
  shared_total -= 1;
}
void start() {
  std::thread x(both), y(only_a);
  x.join();
  y.join();
}
} // namespace two_mutexes_one_common

namespace lock_unlock_pair {
std::mutex m;
long value = 0;
void worker() {
  m.lock();
  value++;
  m.unlock();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace lock_unlock_pair

namespace unique_lock_held {
std::mutex m;
long value = 0;
void worker() {
  std::unique_lock<std::mutex> lock(m);
  value = value * 2 + 1;
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace unique_lock_held

namespace captured_by_copy {
void start() {
  long total = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back([total]() mutable { total += 1; });
  for (auto &t : threads)
    t.join();
}
} // namespace captured_by_copy

namespace locals_only {
void worker() {
  long mine = 0;
  for (int i = 0; i < 10; ++i)
    mine += i;
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace locals_only

namespace read_only_sharing {
long table[4] = {1, 2, 3, 4};
long out_a = 0;
void reader() { (void)(table[0] + table[3]); }
void start() {
  std::thread a(reader), b(reader);
  a.join();
  b.join();
}
} // namespace read_only_sharing

namespace member_mutex {
class Account {
public:
  void deposit() {
    std::lock_guard<std::mutex> lock(mutex_);
    balance_ += 1;
  }
  void run() {
    std::thread a(&Account::deposit, this), b(&Account::deposit, this);
    a.join();
    b.join();
  }

private:
  std::mutex mutex_;
  long balance_ = 0;
};
} // namespace member_mutex

namespace posix_mutex {
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
long events = 0;
void *record(void *) {
  pthread_mutex_lock(&lock);
  ++events;
  pthread_mutex_unlock(&lock);
  return nullptr;
}
void start() {
  pthread_t ids[2];
  for (pthread_t &id : ids)
    pthread_create(&id, nullptr, record, nullptr);
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
}
} // namespace posix_mutex

namespace helper_called_under_lock {
std::mutex m;
long steps = 0;
void step() { steps += 1; }
void worker() {
  std::lock_guard<std::mutex> lock(m);
  step();
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace helper_called_under_lock

namespace silenced {
long noisy = 0, quiet = 0, hushed = 0;
void worker() {
  ++noisy; // NOLINT(racelab-missing-lock): the test says so
  // NOLINTNEXTLINE(racelab-missing-lock)
  ++quiet;
  ++hushed; // NOLINT
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace silenced

namespace queue_object_passed_by_reference {
// The manager solution's shape: a self-locking queue shared by reference.
class Requests {
public:
  void push(int r) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push(r);
  }
  int pop() {
    std::lock_guard<std::mutex> lock(mutex_);
    int r = items_.front();
    items_.pop();
    return r;
  }

private:
  std::mutex mutex_;
  std::queue<int> items_;
};
long drain(Requests &requests) {
  long count = 0;
  while (requests.pop() != 0)
    ++count;
  return count;
}
long start() {
  Requests requests;
  long result = 0;
  std::thread manager([&] { result = drain(requests); });
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&requests] { requests.push(1); });
  for (auto &t : threads)
    t.join();
  requests.push(0);
  manager.join();
  return result;
}
} // namespace queue_object_passed_by_reference

namespace main_accesses_before_start_and_after_join {
long frames = 0;
bool finished = false;
void draw() {
  ++frames;
  finished = true;
}
long run() {
  frames = 0;
  finished = false;
  std::thread t(draw);
  t.join();
  return finished ? frames : -1;
}
} // namespace main_accesses_before_start_and_after_join

namespace main_writes_under_the_common_lock {
bool stop = false;
std::mutex stop_mutex;
void spin() {
  while (true) {
    std::lock_guard<std::mutex> lock(stop_mutex);
    if (stop)
      return;
  }
}
void run() {
  std::thread t(spin);
  {
    std::lock_guard<std::mutex> lock(stop_mutex);
    stop = true;
  }
  t.join();
}
} // namespace main_writes_under_the_common_lock

namespace main_uses_an_atomic_flag {
std::atomic<bool> stop{false};
void spin() {
  while (!stop.load())
    fuzz();
}
void run() {
  std::thread t(spin);
  stop.store(true);
  t.join();
}
} // namespace main_uses_an_atomic_flag

namespace joined_before_the_next_start {
long value = 0;
void first() { value = 1; }
void second() { value = 2; }
long run() {
  std::thread a(first);
  a.join();
  value = 3; // a has finished, b has not started
  std::thread b(second);
  b.join();
  return value;
}
} // namespace joined_before_the_next_start

namespace start_and_join_inside_one_loop {
long total = 0;
void add() { total += 1; }
long run() {
  for (int i = 0; i < 3; ++i) {
    total += 10; // before this iteration's start
    std::thread t(add);
    t.join();
  }
  return total;
}
} // namespace start_and_join_inside_one_loop

namespace event_with_predicate {
class Event {
public:
  void set() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      is_set_ = true;
    }
    changed_.notify_all();
  }
  bool wait_for(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return is_set_; });
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool is_set_ = false;
};
long run() {
  Event done;
  long frames = 0;
  std::thread spinner([&done, &frames] {
    while (!done.wait_for(std::chrono::milliseconds(10)))
      ++frames;
  });
  done.set();
  spinner.join();
  return frames;
}
} // namespace event_with_predicate

namespace named_predicate {
std::mutex m;
std::condition_variable cv;
bool ready = false;
void waiter() {
  std::unique_lock<std::mutex> lock(m);
  auto is_ready = [] { return ready; };
  cv.wait(lock, is_ready);
}
void run() {
  std::thread t(waiter);
  {
    std::lock_guard<std::mutex> lock(m);
    ready = true;
  }
  cv.notify_one();
  t.join();
}
} // namespace named_predicate

namespace predicate_through_a_lock_parameter {
std::mutex m;
std::condition_variable cv;
int tickets = 0;
void wait_for_ticket(std::unique_lock<std::mutex> &lock) {
  cv.wait_until(lock, std::chrono::steady_clock::now() + std::chrono::seconds(1),
                [] { return tickets > 0; });
}
void waiter() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  lock.lock();
  wait_for_ticket(lock);
}
void run() {
  std::thread t(waiter);
  {
    std::lock_guard<std::mutex> lock(m);
    ++tickets;
  }
  cv.notify_one();
  t.join();
}
} // namespace predicate_through_a_lock_parameter
