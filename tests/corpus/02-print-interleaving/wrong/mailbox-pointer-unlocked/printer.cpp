// Corpus, exercise 2, wrong. Style: a print manager reading a Mailbox struct
// (deque, mutex, condition variable) that the workers receive by pointer.
// Bug: the workers push into the deque without taking the mailbox's mutex
// ("notify_one() is enough"), while the manager pops under it: a data race on
// the deque.
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

struct Mailbox {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::string> letters;
  bool closed = false;
};

void print_manager(Mailbox* box) {
  std::unique_lock<std::mutex> lock(box->mutex);
  for (;;) {
    box->changed.wait(lock, [box] { return box->closed || !box->letters.empty(); });
    while (!box->letters.empty()) {
      std::cout << box->letters.front();
      box->letters.pop_front();
    }
    if (box->closed) {
      return;
    }
  }
}

void worker(Mailbox* box, int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::ostringstream record;
    record << "The count is " << fuzz << count << " (worker " << id << ")\n";
    record << fuzz << "---------------\n";
    box->letters.push_back(record.str());
    box->changed.notify_one();
  }
}

void print_in_parallel(int workers, int records) {
  Mailbox box;
  std::thread manager(print_manager, &box);
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, &box, id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  {
    std::lock_guard<std::mutex> lock(box.mutex);
    box.closed = true;
  }
  box.changed.notify_one();
  manager.join();
}

}  // namespace racelab
