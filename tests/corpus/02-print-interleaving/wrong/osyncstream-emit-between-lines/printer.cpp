// Corpus, exercise 2, wrong. Style: one std::osyncstream per record.
// Bug: emit() is called after the header line "to show progress", so the
// record reaches std::cout in two pieces, and another worker's record can
// land between the header and its rule.
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
