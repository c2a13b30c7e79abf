// A wrong fix for exercise 2: the right tool, used once per line. Each
// std::osyncstream temporary emits its line whole when the statement ends, so
// lines do not tear — but the record is two emits, and another worker's
// header can come between them.
#include "printer.hpp"

#include <iostream>
#include <syncstream>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::osyncstream(std::cout) << "The count is " << fuzz << count << " (worker " << id << ")\n";
    std::osyncstream(std::cout) << fuzz << "---------------\n";
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
