// Test input for the engine's happens-before (racelab-missing-lock), checked
// by checker_tests.cpp: what orders two accesses without a lock in common —
// call_once, function-local statics, a flag set under a lock and waited for
// through a condition variable, semaphores, latches and barriers, promises and
// futures, std::async, packaged_task, stop tokens, release/acquire atomics —
// and the same code with the order missing.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring> [racelab-missing-lock]
#include <atomic>
#include <barrier>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <semaphore>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

long compute(int);

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace read_before_the_latch {
long partial[2];
void start() {
  std::latch done(2);
  std::jthread a([&] { partial[0] = compute(0); done.count_down(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'partial' is written by one thread and read by another with no lock held [racelab-missing-lock]
  std::jthread b([&] { partial[1] = compute(1); done.count_down(); });
  long early = partial[0] + partial[1]; // not waited for yet
  done.wait();
  (void)early;
}
} // namespace read_before_the_latch

namespace read_before_the_future {
std::string answer;
void produce(std::promise<void> ready) {
  answer = "42";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'answer' is written by one thread and read by another with no lock held [racelab-missing-lock]
  ready.set_value();
}
std::string start() {
  std::promise<void> ready;
  std::future<void> got = ready.get_future();
  std::thread t(produce, std::move(ready));
  std::string early = answer;
  got.wait();
  t.join();
  return early;
}
} // namespace read_before_the_future

namespace written_after_the_signal {
// What is written after the release is not published by it.
int data = 0;
std::binary_semaphore ready{0};
void producer() {
  ready.release();
  data = 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'data' is written by one thread and read by another with no lock held [racelab-missing-lock]
}
void consumer() {
  ready.acquire();
  (void)data;
}
void start() {
  std::thread a(producer), b(consumer);
  a.join();
  b.join();
}
} // namespace written_after_the_signal

namespace relaxed_flag_publishes_nothing {
int payload = 0;
std::atomic<bool> ready{false};
void writer() {
  payload = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'payload' is written by one thread and read by another with no lock held [racelab-missing-lock]
  ready.store(true, std::memory_order_relaxed);
}
void reader() {
  while (!ready.load(std::memory_order_relaxed)) {
  }
  (void)payload;
}
void start() {
  std::thread a(writer), b(reader);
  a.join();
  b.join();
}
} // namespace relaxed_flag_publishes_nothing

namespace pointer_published_relaxed {
struct Config {
  int level = 0;
};
std::atomic<Config *> current{nullptr};
void publish() {
  Config *c = new Config;
  c->level = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c->level' (that is, 'current->level') is written by one thread and read by another with no lock held [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: this access reaches the memory through a pointer published with memory_order_relaxed on 'current'
  current.store(c, std::memory_order_relaxed);
}
void use() {
  Config *c = current.load(std::memory_order_relaxed);
  if (c)
    (void)c->level;
}
void start() {
  std::thread a(publish), b(use);
  a.join();
  b.join();
}
} // namespace pointer_published_relaxed

namespace flag_set_before_the_data {
// The flag is set (under the lock) before the data is written: the waiter
// can see the flag and read the data while it is written.
std::mutex m;
std::condition_variable cv;
bool ready = false;
std::vector<int> batch;
void producer() {
  {
    std::lock_guard<std::mutex> lock(m);
    ready = true;
  }
  cv.notify_one();
  batch.push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'batch' is written by one thread and read by another with no lock held [racelab-missing-lock]
}
void consumer() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready; });
  lock.unlock();
  (void)batch.size();
}
void start() {
  std::thread a(producer), b(consumer);
  a.join();
  b.join();
}
} // namespace flag_set_before_the_data

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace call_once_then_read {
long global = 0;
std::once_flag once;
void worker() {
  std::call_once(once, [] { global = 1; });
  long seen = global;
  (void)seen;
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace call_once_then_read

namespace function_local_static {
struct Settings {
  int level = 3;
};
const Settings &settings() {
  static Settings instance; // initialised once, before any thread uses it
  return instance;
}
void worker() { (void)settings().level; }
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace function_local_static

namespace manager_fed_through_a_condition_variable {
// The data is written before the flag is set under the lock; the manager
// reads it after waiting for the flag under the same lock.
std::mutex m;
std::condition_variable cv;
bool ready = false;
std::vector<int> batch;
void producer() {
  batch.push_back(1);
  batch.push_back(2);
  {
    std::lock_guard<std::mutex> lock(m);
    ready = true;
  }
  cv.notify_one();
}
void manager() {
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [] { return ready; });
  }
  long total = 0;
  for (int x : batch)
    total += x;
  (void)total;
}
void start() {
  std::thread a(producer), b(manager);
  a.join();
  b.join();
}
} // namespace manager_fed_through_a_condition_variable

namespace manager_with_a_wait_loop {
std::mutex m;
std::condition_variable cv;
std::vector<int> queue;
bool finished = false;
long total = 0;
void manager() {
  std::unique_lock<std::mutex> lock(m);
  while (true) {
    while (queue.empty() && !finished)
      cv.wait(lock);
    if (queue.empty())
      break;
    int job = queue.back();
    queue.pop_back();
    lock.unlock();
    total += job; // only the manager touches it
    lock.lock();
  }
}
void start() {
  std::thread owner(manager);
  for (int i = 0; i < 3; ++i) {
    std::lock_guard<std::mutex> lock(m);
    queue.push_back(i);
    cv.notify_one();
  }
  {
    std::lock_guard<std::mutex> lock(m);
    finished = true;
  }
  cv.notify_one();
  owner.join();
}
} // namespace manager_with_a_wait_loop

namespace semaphore_as_a_signal {
int data = 0;
std::binary_semaphore ready{0};
void producer() {
  data = 42;
  ready.release();
}
void consumer() {
  ready.acquire();
  data += 1;
}
void start() {
  std::thread a(producer), b(consumer);
  a.join();
  b.join();
}
} // namespace semaphore_as_a_signal

namespace latch_then_read {
long partial[4];
long start() {
  std::latch done(4);
  std::vector<std::jthread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&, i] {
      partial[i] = compute(i);
      done.count_down();
    });
  done.wait();
  return partial[0] + partial[1] + partial[2] + partial[3];
}
} // namespace latch_then_read

namespace barrier_between_phases {
long partial[2];
long total = 0;
void worker(int id, std::barrier<> &phase) {
  partial[id] = compute(id);
  phase.arrive_and_wait();
  if (id == 0)
    total = partial[0] + partial[1];
}
void start() {
  std::barrier<> phase(2);
  std::thread a(worker, 0, std::ref(phase)), b(worker, 1, std::ref(phase));
  a.join();
  b.join();
}
} // namespace barrier_between_phases

namespace promise_then_future {
std::string answer;
void produce(std::promise<void> ready) {
  answer = "42";
  ready.set_value();
}
std::string start() {
  std::promise<void> ready;
  std::future<void> got = ready.get_future();
  std::thread t(produce, std::move(ready));
  got.wait();
  std::string seen = answer;
  t.join();
  return seen;
}
} // namespace promise_then_future

namespace async_result {
long progress = 0;
long work() {
  progress = 10;
  return progress;
}
long start() {
  std::future<long> result = std::async(std::launch::async, work);
  long r = result.get();
  return r + progress;
}
} // namespace async_result

namespace packaged_task_on_a_thread {
long progress = 0;
long work() {
  progress = 10;
  return 1;
}
long start() {
  std::packaged_task<long()> task(work);
  std::future<long> result = task.get_future();
  std::thread t(std::move(task));
  long r = result.get();
  long seen = progress;
  t.join();
  return r + seen;
}
} // namespace packaged_task_on_a_thread

namespace stop_token_publishes {
std::string farewell;
void start() {
  std::jthread spinner([](std::stop_token stop) {
    while (!stop.stop_requested())
      std::this_thread::yield();
    (void)farewell.size();
  });
  farewell = "bye";
  spinner.request_stop();
}
} // namespace stop_token_publishes

namespace release_acquire_flag {
int payload = 0;
std::atomic<bool> ready{false};
void writer() {
  payload = 7;
  ready.store(true, std::memory_order_release);
}
void reader() {
  while (!ready.load(std::memory_order_acquire)) {
  }
  payload += 1;
}
void start() {
  std::thread a(writer), b(reader);
  a.join();
  b.join();
}
} // namespace release_acquire_flag

namespace pointer_published_release {
struct Config {
  int level = 0;
};
std::atomic<Config *> current{nullptr};
void publish() {
  Config *c = new Config;
  c->level = 3;
  current.store(c, std::memory_order_release);
}
void use() {
  Config *c = current.load(std::memory_order_acquire);
  if (c)
    (void)c->level;
}
void start() {
  std::thread a(publish), b(use);
  a.join();
  b.join();
}
} // namespace pointer_published_release
