// Test input for what the engine sees as shared (racelab-missing-lock),
// checked by checker_tests.cpp: access paths field by field; objects reached
// through pointer and reference parameters, captures, heap and stack objects;
// calls through std::function, stored lambdas, function pointers and virtual
// functions; per-thread elements of a container; a getter that hands out a
// reference to guarded data.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring> [racelab-missing-lock]
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

long compute(long);

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace through_a_pointer_parameter {
struct Stats {
  long hits = 0;
  long misses = 0;
};
void record(Stats *stats) { stats->hits += 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'stats->hits' is written by several threads with no lock held [racelab-missing-lock]
void start() {
  Stats stats;
  std::thread a(record, &stats), b(record, &stats);
  a.join();
  b.join();
}
} // namespace through_a_pointer_parameter

namespace through_a_reference_capture {
struct Totals {
  long sum = 0;
};
long start() {
  Totals totals;
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&] { totals.sum += compute(1); });
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'totals.sum' is written by several threads with no lock held [racelab-missing-lock]
  for (auto &t : threads)
    t.join();
  return totals.sum;
}
} // namespace through_a_reference_capture

namespace through_a_generic_lambda {
// The thread calls a generic lambda: its specialization for long writes.
long total = 0;
void start() {
  auto add = [](auto amount) { total += amount; };
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'total' is written by several threads with no lock held [racelab-missing-lock]
  std::thread a([&] { add(1L); }), b([&] { add(2L); });
  a.join();
  b.join();
}
} // namespace through_a_generic_lambda

namespace thread_member_started_and_stopped_by_members {
// start() leaves the thread running; stop(), called after it by the same
// function, writes the flag the thread reads.
class Spinner {
public:
  void start() { worker_ = std::thread(&Spinner::loop, this); }
  long stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    worker_.join();
    return frames_;
  }

private:
  void loop() {
    while (!done_)
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'done_' (that is, 'spinner.done_') is read with no lock held while another thread writes it holding [racelab-missing-lock]
      ++frames_;
  }
  std::mutex mutex_;
  bool done_ = false;
  long frames_ = 0;
  std::thread worker_;
};
Spinner spinner;
long run() {
  spinner.start();
  return spinner.stop();
}
} // namespace thread_member_started_and_stopped_by_members

namespace through_a_std_function {
long total = 0;
void run(std::function<void()> job) { job(); }
void start() {
  std::function<void()> bump = [] { ++total; };
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'total' is written by several threads with no lock held [racelab-missing-lock]
  std::thread a(run, bump), b(run, bump);
  a.join();
  b.join();
}
} // namespace through_a_std_function

namespace through_a_stored_lambda {
long ticks = 0;
class Ticker {
public:
  Ticker() : on_tick_([] { ++ticks; }) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'ticks' is written by several threads with no lock held [racelab-missing-lock]
  void run() { on_tick_(); }

private:
  std::function<void()> on_tick_;
};
void start() {
  Ticker ticker;
  std::thread a(&Ticker::run, &ticker), b(&Ticker::run, &ticker);
  a.join();
  b.join();
}
} // namespace through_a_stored_lambda

namespace through_a_function_pointer {
long steps = 0;
void step() { ++steps; }
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'steps' is written by several threads with no lock held [racelab-missing-lock]
void repeat(void (*action)(), int n) {
  for (int i = 0; i < n; ++i)
    action();
}
void start() {
  std::thread a(repeat, step, 3), b(repeat, step, 3);
  a.join();
  b.join();
}
} // namespace through_a_function_pointer

namespace through_a_virtual_call {
struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
};
struct Counter : Task {
  long count = 0;
  void run() override { ++count; }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'count' (that is, 'counter.count') is written by several threads with no lock held [racelab-missing-lock]
};
void execute(Task &task) { task.run(); }
void start() {
  Counter counter;
  std::thread a(execute, std::ref(counter)), b(execute, std::ref(counter));
  a.join();
  b.join();
}
} // namespace through_a_virtual_call

namespace heap_object_handed_over_and_kept {
struct Data {
  long value = 0;
};
void fill(Data *d) { d->value = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'd->value' (that is, 'data->value') is written by one thread and read by another with no lock held [racelab-missing-lock]
long start() {
  Data *data = new Data;
  std::thread t(fill, data);
  long early = data->value; // the thread may not have written it yet
  t.join();
  delete data;
  return early;
}
} // namespace heap_object_handed_over_and_kept

namespace shared_ptr_copied_into_threads {
struct Data {
  long value = 0;
};
void start() {
  auto data = std::make_shared<Data>();
  std::thread a([data] { data->value += 1; }), b([data] { data->value += 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'data->value' is written by several threads with no lock held [racelab-missing-lock]
  a.join();
  b.join();
}
} // namespace shared_ptr_copied_into_threads

namespace the_same_element_for_everyone {
long partial[4];
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] { partial[0] += compute(i); });
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'partial' is written by several threads with no lock held [racelab-missing-lock]
  for (auto &t : threads)
    t.join();
}
} // namespace the_same_element_for_everyone

namespace getter_hands_out_a_reference {
// The lock is released when the getter returns; the copy is made after.
std::mutex m;
std::string text = "none";
const std::string &current() {
  std::lock_guard<std::mutex> lock(m);
  return text;
}
void set(const std::string &s) {
  std::lock_guard<std::mutex> lock(m);
  text = s;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'text' is also written here
}
void start() {
  std::thread writer([] { set("new"); });
  std::thread reader([] { std::string copy = current(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'text' is read with no lock held while another thread writes it holding 'm' [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-2]]:46: note: 'current' returns a reference to 'text': a lock it takes is released when it returns
  // CHECK-NOTES: :[[@LINE-3]]:46: note: to fix: make 'current' return a copy
  writer.join();
  reader.join();
}
} // namespace getter_hands_out_a_reference

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace fields_are_apart {
struct Progress {
  long done = 0;
  long failed = 0;
};
Progress progress;
void count_done() { ++progress.done; }
void count_failed() { ++progress.failed; }
void start() {
  std::thread a(count_done), b(count_failed);
  a.join();
  b.join();
}
} // namespace fields_are_apart

namespace per_thread_partials_by_index {
long sum(const std::vector<long> &values, int workers) {
  std::vector<long> partials(workers);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w)
    threads.emplace_back([&, w] {
      for (std::size_t i = w; i < values.size(); i += workers)
        partials[w] += values[i];
    });
  for (auto &t : threads)
    t.join();
  long total = 0;
  for (long p : partials)
    total += p;
  return total;
}
} // namespace per_thread_partials_by_index

namespace per_thread_partials_by_argument {
void add_range(const std::vector<long> &values, std::vector<long> &partials, int id, int workers) {
  std::size_t chunk = values.size() / workers;
  std::size_t begin = id * chunk;
  std::size_t end = id == workers - 1 ? values.size() : begin + chunk;
  for (std::size_t i = begin; i < end; ++i)
    partials[id] += values[i];
}
long sum(const std::vector<long> &values, int workers) {
  std::vector<long> partials(workers, 0);
  std::vector<std::thread> threads;
  for (int id = 0; id < workers; ++id)
    threads.emplace_back(add_range, std::cref(values), std::ref(partials), id, workers);
  for (auto &t : threads)
    t.join();
  long total = 0;
  for (long p : partials)
    total += p;
  return total;
}
} // namespace per_thread_partials_by_argument

namespace per_thread_output_slices {
void square(std::vector<long> &out, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    out[i] = compute(static_cast<long>(i));
}
std::vector<long> run(std::size_t n) {
  std::vector<long> out(n);
  std::thread a(square, std::ref(out), 0, n / 2);
  std::thread b(square, std::ref(out), n / 2, n);
  a.join();
  b.join();
  return out;
}
} // namespace per_thread_output_slices

namespace per_thread_element_by_reference {
long run() {
  std::vector<long> results(4);
  std::vector<std::thread> threads;
  for (long &slot : results)
    threads.emplace_back([&slot] { slot = compute(2); });
  for (auto &t : threads)
    t.join();
  return results[0];
}
} // namespace per_thread_element_by_reference

namespace heap_object_handed_over {
struct Data {
  long value = 0;
};
void fill(Data *d) { d->value = 1; }
long start() {
  Data *data = new Data;
  std::thread t(fill, data);
  t.join();
  long seen = data->value; // after the join
  delete data;
  return seen;
}
} // namespace heap_object_handed_over

namespace unique_ptr_moved_into_the_thread {
struct Data {
  long value = 0;
};
void own(std::unique_ptr<Data> d) { d->value += 1; }
void start() {
  auto a = std::make_unique<Data>();
  auto b = std::make_unique<Data>();
  std::thread x(own, std::move(a)), y(own, std::move(b));
  x.join();
  y.join();
}
} // namespace unique_ptr_moved_into_the_thread

namespace copies_are_private {
struct Config {
  int level = 1;
};
void start() {
  Config config;
  std::thread a([config]() mutable { config.level += 1; }),
      b([config]() mutable { config.level += 2; });
  a.join();
  b.join();
}
} // namespace copies_are_private

namespace function_and_virtual_under_a_lock {
std::mutex m;
long total = 0;
struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
};
struct Adder : Task {
  void run() override {
    std::lock_guard<std::mutex> lock(m);
    ++total;
  }
};
void execute(Task &task, std::function<void()> then) {
  task.run();
  then();
}
void start() {
  Adder adder;
  auto bump = [] {
    std::lock_guard<std::mutex> lock(m);
    total += 2;
  };
  std::thread a(execute, std::ref(adder), bump), b(execute, std::ref(adder), bump);
  a.join();
  b.join();
}
} // namespace function_and_virtual_under_a_lock

namespace getter_returns_a_copy {
std::mutex m;
std::string text = "none";
std::string current() {
  std::lock_guard<std::mutex> lock(m);
  return text;
}
void set(const std::string &s) {
  std::lock_guard<std::mutex> lock(m);
  text = s;
}
void start() {
  std::thread writer([] { set("new"); });
  std::thread reader([] { std::string copy = current(); });
  writer.join();
  reader.join();
}
} // namespace getter_returns_a_copy

namespace generic_lambda_under_a_lock {
long total = 0;
std::mutex total_mutex;
void start() {
  auto add = [](auto amount) {
    std::lock_guard<std::mutex> lock(total_mutex);
    total += amount;
  };
  std::thread a([&] { add(1L); }), b([&] { add(2L); });
  a.join();
  b.join();
}
} // namespace generic_lambda_under_a_lock

namespace thread_member_stopped_under_the_lock {
// The same class, the flag read under the lock; the count read after the join.
class Spinner {
public:
  void start() { worker_ = std::thread(&Spinner::loop, this); }
  long stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    worker_.join();
    return frames_;
  }

private:
  void loop() {
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (done_)
          return;
      }
      ++frames_;
    }
  }
  std::mutex mutex_;
  bool done_ = false;
  long frames_ = 0;
  std::thread worker_;
};
Spinner spinner;
long run() {
  spinner.start();
  return spinner.stop();
}
} // namespace thread_member_stopped_under_the_lock
