// Exercise 2 — print interleaving. Reference solution: a print manager — one
// thread owns the console; workers send it finished records on a queue.
#include "printer.hpp"

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <queue>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {

namespace {

// A queue that many threads may push to and one thread pops from. An empty
// optional means "no more records".
class RecordQueue {
 public:
  void push(std::optional<std::string> record) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      records_.push(std::move(record));
    }
    ready_.notify_one();
  }

  std::optional<std::string> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !records_.empty(); });
    std::optional<std::string> record = std::move(records_.front());
    records_.pop();
    return record;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::optional<std::string>> records_;
};

// Only this function writes to std::cout, so no other thread can get between
// the parts of a record: the one shared object is the queue, which protects
// itself.
void run_print_manager(RecordQueue& queue) {
  while (std::optional<std::string> record = queue.pop()) {
    std::cout << *record;
  }
}

void worker(RecordQueue& queue, int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::ostringstream record;
    // The worker still writes its record in parts, but into a stream of its
    // own, which no other thread can see.
    record << "The count is " << fuzz << count << " (worker " << id << ")\n";
    record << fuzz << "---------------\n";
    queue.push(record.str());
    // Workers never touch std::cout: they hand the finished record over.
  }
}

}  // namespace

void print_in_parallel(int workers, int records) {
  RecordQueue queue;
  std::thread print_manager(run_print_manager, std::ref(queue));
  // Started before the workers, stopped after them: the manager is the only
  // thread that prints while print_in_parallel() runs.

  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, std::ref(queue), id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  queue.push(std::nullopt);
  // Sent after every worker has finished, so it is the last request: the
  // manager prints everything before it stops.
  print_manager.join();
  // After join() every record has been handed to std::cout.
}

}  // namespace racelab
