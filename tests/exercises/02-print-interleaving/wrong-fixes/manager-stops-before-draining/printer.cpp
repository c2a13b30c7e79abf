// A wrong fix for exercise 2: a print manager with a queue, as the hint says,
// but the manager looks at the order to stop before it looks at the queue.
// When print_in_parallel() tells it to stop while records are still waiting
// (the console was slower than the workers), it leaves them unprinted. Records
// are whole and nothing races: only a slow console shows the loss, and then
// on every run.
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

class RecordQueue {
 public:
  void push(std::string record) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      records_.push(std::move(record));
    }
    ready_.notify_one();
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    ready_.notify_one();
  }

  // The next record, or nothing once told to stop.
  std::optional<std::string> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return stopped_ || !records_.empty(); });
    if (stopped_) {
      return std::nullopt;  // the records still queued are dropped
    }
    std::string record = std::move(records_.front());
    records_.pop();
    return record;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::string> records_;
  bool stopped_ = false;
};

void run_print_manager(RecordQueue& queue) {
  while (std::optional<std::string> record = queue.pop()) {
    std::cout << *record;
  }
}

void worker(RecordQueue& queue, int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::ostringstream record;
    record << "The count is " << fuzz << count << " (worker " << id << ")\n";
    record << fuzz << "---------------\n";
    queue.push(record.str());
  }
}

}  // namespace

void print_in_parallel(int workers, int records) {
  RecordQueue queue;
  std::thread print_manager(run_print_manager, std::ref(queue));
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, std::ref(queue), id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  queue.stop();
  print_manager.join();
}

}  // namespace racelab
