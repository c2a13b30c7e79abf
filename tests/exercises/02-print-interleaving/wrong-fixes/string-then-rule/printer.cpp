// A wrong fix for exercise 2: the header is built in a std::string first, so
// it reaches std::cout in one write — but the rule line is a second write,
// and another worker's header can land between the two.
#include "printer.hpp"

#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    const std::string header =
        "The count is " + std::to_string(count) + " (worker " + std::to_string(id) + ")\n";
    std::cout << header << fuzz << "---------------\n";
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
