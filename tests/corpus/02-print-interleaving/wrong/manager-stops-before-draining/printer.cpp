// Corpus, exercise 2, wrong. Style: a print manager thread with a
// std::deque, a condition variable and a stop flag.
// Bug: the manager checks its stop flag *before* draining the queue: once
// told to stop it returns at once, and the records still queued are never
// printed. No data race: only the output shows it (records lost).
#include "printer.hpp"

#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

std::mutex queue_mutex;
std::condition_variable queue_changed;
std::deque<std::string> pending;
bool stop_requested = false;

void print_manager() {
  for (;;) {
    std::unique_lock<std::mutex> lock(queue_mutex);
    queue_changed.wait(lock, [] { return stop_requested || !pending.empty(); });
    if (stop_requested) {
      return;
    }
    std::string record = std::move(pending.front());
    pending.pop_front();
    lock.unlock();
    std::cout << record;
  }
}

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::ostringstream record;
    record << "The count is " << fuzz << count << " (worker " << id << ")\n";
    record << fuzz << "---------------\n";
    {
      std::lock_guard<std::mutex> lock(queue_mutex);
      pending.push_back(record.str());
    }
    queue_changed.notify_one();
  }
}

}  // namespace

void print_in_parallel(int workers, int records) {
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    stop_requested = false;
    pending.clear();
  }
  std::thread manager(print_manager);
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    stop_requested = true;
  }
  queue_changed.notify_one();
  manager.join();
}

}  // namespace racelab
