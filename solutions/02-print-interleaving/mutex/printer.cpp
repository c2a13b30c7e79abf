// Exercise 2 — print interleaving. Reference solution: a mutex.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::mutex console_mutex;
// One mutex for the one console: every worker locks the same object, so only
// one of them at a time is in the middle of a record.

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::lock_guard<std::mutex> lock(console_mutex);
    // Held until the end of the loop body, across both lines: the whole record
    // is written before another worker may start one. Locking each line on its
    // own would keep lines whole but still let records tear between them.
    std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
    std::cout << fuzz << "---------------\n";
  }
}

void print_in_parallel(int workers, int records) {
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
