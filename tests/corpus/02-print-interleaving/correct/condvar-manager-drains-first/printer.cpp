// Corpus, exercise 2, correct. Style: a print manager with a std::deque, a
// condition variable and a "stopping" flag; workers hand it finished records.
// The manager leaves only when it has been told to stop *and* the queue is
// empty, so nothing queued is lost.
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
bool stopping = false;

void print_manager() {
  std::unique_lock<std::mutex> lock(queue_mutex);
  for (;;) {
    queue_changed.wait(lock, [] { return stopping || !pending.empty(); });
    while (!pending.empty()) {
      std::string record = std::move(pending.front());
      pending.pop_front();
      lock.unlock();
      std::cout << record;
      lock.lock();
    }
    if (stopping) {
      return;  // told to stop, and nothing is left to print
    }
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
    stopping = false;
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
    stopping = true;
  }
  queue_changed.notify_one();
  manager.join();
}

}  // namespace racelab
