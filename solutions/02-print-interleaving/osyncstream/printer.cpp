// Exercise 2 — print interleaving. Reference solution: std::osyncstream.
#include "printer.hpp"

#include <iostream>
#include <syncstream>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::osyncstream out(std::cout);
    // One osyncstream per record. It collects everything written to it in a
    // buffer of its own, and hands it to std::cout in one piece when it is
    // destroyed, at the end of the loop body.
    out << "The count is " << fuzz << count << " (worker " << id << ")\n";
    out << fuzz << "---------------\n";
    // Both lines go to `out`, not to std::cout: a second osyncstream for the
    // rule line would emit it separately, and records could tear again.
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
