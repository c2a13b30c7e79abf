// A wrong fix for exercise 2: every worker locks a mutex around the whole
// record — its own. Each worker's mutex is a different object, so locking it
// keeps nobody else out.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  std::mutex console_mutex;
  for (int count = 1; count <= records; ++count) {
    std::lock_guard<std::mutex> lock(console_mutex);
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
