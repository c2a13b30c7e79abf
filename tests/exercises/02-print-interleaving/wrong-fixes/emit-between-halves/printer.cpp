// A wrong fix for exercise 2: one osyncstream per record, as the hint says —
// but emit() is called after the header line, to "get it out early". emit()
// hands what was collected so far to std::cout at once, so the record leaves
// in two pieces again, and another worker's output can land between them.
#include "printer.hpp"

#include <iostream>
#include <syncstream>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::osyncstream out(std::cout);
    out << "The count is " << fuzz << count << " (worker " << id << ")\n";
    out.emit();
    out << fuzz << "---------------\n";
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
