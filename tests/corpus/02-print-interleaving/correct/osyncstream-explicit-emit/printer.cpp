// Corpus, exercise 2, correct. Style: one std::osyncstream per record, with
// an explicit emit() once both lines are in it (the destructor then has
// nothing left to send).
#include "printer.hpp"

#include <iostream>
#include <syncstream>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::osyncstream record(std::cout);
    record << "The count is " << fuzz << count << " (worker " << id << ")\n";
    record << fuzz << "---------------\n";
    record.emit();  // both lines, in one piece
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
