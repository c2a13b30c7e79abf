// Corpus, exercise 2, correct. Style: a PrintManager class whose thread is a
// std::jthread; it waits on a std::condition_variable_any with its
// stop_token, prints whole batches, and returns only once a stop has been
// requested and the queue is empty.
#include "printer.hpp"

#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

class PrintManager {
 public:
  PrintManager() : thread_([this](std::stop_token stop) { run(stop); }) {}

  void print(std::string record) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(record));
    }
    ready_.notify_one();
  }

  void stop_and_wait() {
    thread_.request_stop();
    thread_.join();
  }

 private:
  void run(std::stop_token stop) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ready_.wait(lock, stop, [this] { return !queue_.empty(); });
      std::deque<std::string> batch;
      batch.swap(queue_);
      lock.unlock();
      for (const std::string& record : batch) {
        std::cout << record;
      }
      lock.lock();
      if (stop.stop_requested() && queue_.empty()) {
        return;
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable_any ready_;
  std::deque<std::string> queue_;
  std::jthread thread_;  // last: starts once the members it uses exist
};

}  // namespace

void print_in_parallel(int workers, int records) {
  PrintManager manager;
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back([&manager, id, records] {
      for (int count = 1; count <= records; ++count) {
        std::ostringstream record;
        record << "The count is " << fuzz << count << " (worker " << id << ")\n";
        record << fuzz << "---------------\n";
        manager.print(record.str());
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  manager.stop_and_wait();
}

}  // namespace racelab
