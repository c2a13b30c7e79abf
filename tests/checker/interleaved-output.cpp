// Test input for racelab-interleaved-output, checked by checker_tests.cpp.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring of the message> [racelab-interleaved-output]
// and each expected note (optional; only the ones listed are checked):
//   // CHECK-NOTES: :[[@LINE-1]]:<col>: note: <substring>
// A record is one statement writing several parts (`std::cout << a << b`), or
// adjacent statements of one block writing to the same stream. Every case has
// its own functions; no case may trigger another check.
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <future>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <queue>
#include <sstream>
#include <string>
#include <syncstream>
#include <thread>
#include <vector>

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace chain_in_workers {
void worker(int id) {
  std::cout << "worker " << id << " done\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts from several threads with no lock held; another thread's output can land between the parts [racelab-interleaved-output]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: to fix: build the whole record and write it under one std::mutex, through std::osyncstream, or hand it to a single printer thread
}
void start() {
  std::vector<std::thread> threads;
  for (int id = 0; id < 3; ++id)
    threads.emplace_back(worker, id);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'worker' is started here inside a loop, so several threads print at the same time
  for (auto &t : threads)
    t.join();
}
} // namespace chain_in_workers

namespace two_statements {
void worker(const std::string &header) {
  std::cout << header;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 2 parts (lines 48 to 50) from several threads [racelab-interleaved-output]
  std::cout << "---------------\n";
}
void start() {
  std::thread a(worker, "a\n"), b(worker, "b\n");
  // CHECK-NOTES: :[[@LINE-1]]:33: note: 'worker' is started again here, so several threads print at the same time
  a.join();
  b.join();
}
} // namespace two_statements

namespace printf_then_printf {
void *worker(void *) {
  std::printf("The count is %d", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'stdout' in 2 parts (lines 62 to 64) [racelab-interleaved-output]
  std::printf(" (worker %d)\n", 2);
  return nullptr;
}
void start() {
  pthread_t ids[2];
  for (pthread_t &id : ids)
    pthread_create(&id, nullptr, worker, nullptr);
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
}
} // namespace printf_then_printf

namespace puts_records {
void worker() {
  std::puts("The count is 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'stdout' in 2 parts [racelab-interleaved-output]
  std::puts("---------------");
}
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace puts_records

namespace endl_is_a_part {
void worker(const std::string &line) {
  std::cerr << line << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cerr' in 2 parts from several threads [racelab-interleaved-output]
}
void start() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back(worker, "line");
  for (auto &t : threads)
    t.join();
}
} // namespace endl_is_a_part

namespace member_through_this {
class Station {
public:
  void report() {
    std::cout << "station " << id_ << '\n';
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this record is written to 'std::cout' in 3 parts [racelab-interleaved-output]
  }
  void run() {
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i)
      threads.emplace_back(&Station::report, this);
    for (auto &t : threads)
      t.join();
  }

private:
  int id_ = 7;
};
} // namespace member_through_this

namespace member_stream_reference {
class Reporter {
public:
  explicit Reporter(std::ostream &out) : out_(out) {}
  void run() {
    std::thread a([this] { line(1); }), b([this] { line(2); });
    a.join();
    b.join();
  }

private:
  void line(int n) {
    out_ << "line " << n << '\n';
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this record is written to 'out_' in 3 parts [racelab-interleaved-output]
  }
  std::ostream &out_;
};
} // namespace member_stream_reference

namespace stream_passed_by_reference {
void report(std::ostream &out, int n) {
  out << "progress " << n << "%\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts [racelab-interleaved-output]
}
void worker() { report(std::cout, 50); }
void start() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
} // namespace stream_passed_by_reference

namespace lock_around_first_part_only {
std::mutex console;
void worker(int n) {
  console.lock();
  std::cout << "The count is " << n << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 4 parts (lines 159 to 162) from several threads with no lock held [racelab-interleaved-output]
  console.unlock();
  std::cout << "---------------\n";
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace lock_around_first_part_only

namespace lock_around_header_block {
std::mutex console;
void worker(int n) {
  {
    std::lock_guard<std::mutex> lock(console);
    std::cout << "The count is " << n << '\n';
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this record is written to 'std::cout' in 3 parts holding 'console', but other output to 'std::cout' does not take that lock [racelab-interleaved-output]
  }
  std::cout << "---------------\n";
  // CHECK-NOTES: :[[@LINE-1]]:3: note: another thread (running 'worker') also writes to 'std::cout' here, with no lock held
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace lock_around_header_block

namespace two_different_mutexes {
std::mutex first, second;
void left() {
  std::lock_guard<std::mutex> lock(first);
  std::cout << "left " << 1 << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts holding 'first', but other output to 'std::cout' does not take that lock [racelab-interleaved-output]
}
void right() {
  std::lock_guard<std::mutex> lock(second);
  std::cout << "right " << 2 << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts holding 'second' [racelab-interleaved-output]
}
void start() {
  std::thread a(left), b(right);
  a.join();
  b.join();
}
} // namespace two_different_mutexes

namespace mutex_per_thread {
void worker(int n) {
  std::mutex console; // one per thread: excludes nothing
  // CHECK-NOTES: :[[@LINE-1]]:14: note: 'console' is declared inside the thread's own code
  std::lock_guard<std::mutex> lock(console);
  std::cout << "n = " << n << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts from several threads with no shared lock held [racelab-interleaved-output]
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace mutex_per_thread

namespace main_prints_while_thread_prints {
void ticker() { std::cout << "tick\n"; }
void start() {
  std::cout << "starting " << 1 << '\n'; // before the start: alone
  std::thread t(ticker);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: 'ticker' is started here and prints at the same time as 'start' until it is joined on line 232
  std::cout << "waiting for " << 1 << " thread\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts from several threads [racelab-interleaved-output]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: to fix:
  t.join();
  std::cout << "joined " << 1 << '\n'; // after the join: alone
}
} // namespace main_prints_while_thread_prints

namespace thread_record_while_main_prints {
void ticker(int n) {
  std::cout << "tick " << n << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts [racelab-interleaved-output]
}
void start() {
  std::thread t(ticker, 1);
  std::puts("main is busy");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: another thread (the one running 'start' while 'ticker' runs) also writes to 'stdout' here, with no lock held
  t.join();
}
} // namespace thread_record_while_main_prints

namespace osyncstream_per_statement {
void worker(int n) {
  std::osyncstream(std::cout) << "The count is " << n << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 2 parts (lines 252 to 254) [racelab-interleaved-output]
  std::osyncstream(std::cout) << "---------------\n";
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace osyncstream_per_statement

namespace fprintf_to_stderr {
void worker(int n) {
  std::fprintf(stderr, "error %d: ", n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'stderr' in 2 parts [racelab-interleaved-output]
  std::fputs("disk full\n", stderr);
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace fprintf_to_stderr

namespace shared_log_file_captured {
void start() {
  std::ofstream log("run.log");
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&log, i] { log << "thread " << i << '\n'; });
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: this record is written to 'log' in 3 parts [racelab-interleaved-output]
    // CHECK-MESSAGES: :[[@LINE-2]]:38: warning: 'log' is written by several threads with no lock held [racelab-missing-lock]
  for (auto &t : threads)
    t.join();
}
} // namespace shared_log_file_captured

namespace async_tasks {
void task(int n) {
  std::cout << "task " << n << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this record is written to 'std::cout' in 3 parts [racelab-interleaved-output]
}
void start() {
  std::vector<std::future<void>> futures;
  for (int i = 0; i < 3; ++i)
    futures.push_back(std::async(std::launch::async, task, i));
  for (auto &f : futures)
    f.get();
}
} // namespace async_tasks

namespace loop_body_without_braces {
void worker(int n) {
  for (int i = 0; i < n; ++i)
    std::cout << i << ' ';
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this record is written to 'std::cout' in 2 parts [racelab-interleaved-output]
}
void start() {
  std::thread a(worker, 3), b(worker, 4);
  a.join();
  b.join();
}
} // namespace loop_body_without_braces

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace one_lock_across_the_record {
std::mutex console;
void worker(int n) {
  std::lock_guard<std::mutex> lock(console);
  std::cout << "The count is " << n << '\n';
  std::cout << "---------------\n";
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace one_lock_across_the_record

namespace osyncstream_variable {
void worker(int n) {
  std::osyncstream out(std::cout);
  out << "The count is " << n << '\n';
  out << "---------------\n";
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace osyncstream_variable

namespace osyncstream_temporary_whole_record {
void worker(int n) {
  std::osyncstream(std::cout) << "The count is " << n << "\n---------------\n";
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace osyncstream_temporary_whole_record

namespace local_stringstream_then_one_write {
void worker(int n) {
  std::ostringstream record;
  record << "The count is " << n << '\n';
  record << "---------------\n";
  std::cout << record.str();
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace local_stringstream_then_one_write

namespace preformatted_line {
void worker(int n) {
  const std::string line = "The count is " + std::to_string(n) + "\n";
  std::cout << line;
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace preformatted_line

namespace print_manager {
std::mutex queue_mutex;
std::condition_variable queue_changed;
std::queue<std::optional<std::string>> lines;
void manager() {
  while (true) {
    std::unique_lock<std::mutex> lock(queue_mutex);
    queue_changed.wait(lock, [] { return !lines.empty(); });
    std::optional<std::string> line = lines.front();
    lines.pop();
    lock.unlock();
    if (!line)
      return;
    std::cout << *line << '\n'; // the only thread that prints
  }
}
void worker(int n) {
  std::lock_guard<std::mutex> lock(queue_mutex);
  lines.push("count " + std::to_string(n));
  queue_changed.notify_one();
}
void start() {
  std::thread printer(manager);
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back(worker, i);
  for (auto &t : threads)
    t.join();
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    lines.push(std::nullopt);
  }
  queue_changed.notify_one();
  printer.join();
}
} // namespace print_manager

namespace single_printing_thread {
void ticker(int n) {
  std::cout << "tick " << n << '\n';
  std::cout << "---\n";
}
void start() {
  std::cout << "before " << 1 << '\n';
  std::thread t(ticker, 1);
  t.join();
  std::cout << "after " << 1 << '\n';
}
} // namespace single_printing_thread

namespace one_printf_per_record {
void worker(int n) { std::printf("The count is %d\n---------------\n", n); }
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace one_printf_per_record

namespace posix_mutex_around_printfs {
pthread_mutex_t console = PTHREAD_MUTEX_INITIALIZER;
void *worker(void *) {
  pthread_mutex_lock(&console);
  std::printf("The count is %d\n", 1);
  std::printf("---------------\n");
  pthread_mutex_unlock(&console);
  return nullptr;
}
void start() {
  pthread_t a, b;
  pthread_create(&a, nullptr, worker, nullptr);
  pthread_create(&b, nullptr, worker, nullptr);
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
}
} // namespace posix_mutex_around_printfs

namespace lock_unlock_around_record {
std::mutex console;
void worker(int n) {
  console.lock();
  std::cout << "The count is " << n << '\n';
  std::cout << "---------------\n";
  console.unlock();
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace lock_unlock_around_record

namespace member_mutex_through_this {
class Station {
public:
  void report() {
    std::scoped_lock lock(console_);
    out_ << "station " << id_ << '\n';
  }
  void run() {
    std::thread a(&Station::report, this), b(&Station::report, this);
    a.join();
    b.join();
  }

private:
  std::mutex console_;
  std::ostream &out_ = std::cout;
  int id_ = 1;
};
} // namespace member_mutex_through_this

namespace stream_passed_is_local {
void report(std::ostream &out, int n) { out << "progress " << n << "%\n"; }
void worker(int n) {
  std::ostringstream buffer;
  report(buffer, n);
  std::cout << buffer.str();
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace stream_passed_is_local

namespace different_streams_one_writer_each {
void to_out() { std::cout << "out " << 1 << '\n'; }
void to_err() { std::cerr << "err " << 2 << '\n'; }
void start() {
  std::thread a(to_out), b(to_err);
  a.join();
  b.join();
}
} // namespace different_streams_one_writer_each

namespace manipulators_write_nothing {
void worker(int value) { std::cout << std::hex << std::setw(8) << value; }
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace manipulators_write_nothing

namespace silenced {
void worker(int n) {
  std::cout << "n = " << n << '\n'; // NOLINT(racelab-interleaved-output)
}
void start() {
  std::thread a(worker, 1), b(worker, 2);
  a.join();
  b.join();
}
} // namespace silenced

namespace lock_held_while_waiting_for_a_predicate {
std::mutex console;
std::condition_variable turn_changed;
int turn = 0;
void worker(int me) {
  std::unique_lock<std::mutex> lock(console);
  turn_changed.wait(lock, [me] { return turn == me; });
  std::cout << "worker " << me << '\n';
  std::cout << "---\n";
  turn = me + 1;
  turn_changed.notify_all();
}
void start() {
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
}
} // namespace lock_held_while_waiting_for_a_predicate
