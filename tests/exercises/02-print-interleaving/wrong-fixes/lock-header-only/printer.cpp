// A wrong fix for exercise 2: the lock guards the header line only. Each line
// now comes out whole, but a record is two lines, and another worker can
// print its own header between this worker's header and rule line.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::mutex console_mutex;

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    {
      std::lock_guard<std::mutex> lock(console_mutex);
      std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
    }
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
