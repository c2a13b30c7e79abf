// Exercise 2 — print interleaving.
//
// Several workers report their progress on the same console. Run
// `ctest -L exercise2` and read what the three judges say, then read
// README.md in this folder.
#include "printer.hpp"

#include <iostream>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    // TODO: make each record reach the console whole when several workers
    // print at once.
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
