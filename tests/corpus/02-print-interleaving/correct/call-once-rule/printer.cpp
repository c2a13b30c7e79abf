// Corpus, exercise 2, correct. Style: the rule line is built once, by
// whichever worker gets there first, with std::call_once, and read by every
// worker after it; each record goes out through one std::osyncstream.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <string>
#include <syncstream>
#include <thread>
#include <vector>

namespace racelab {

std::once_flag rule_built;
std::string rule;  // written once inside call_once, only read afterwards

const std::string& rule_line() {
  std::call_once(rule_built, [] { rule = std::string(15, '-') + "\n"; });
  return rule;
}

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::osyncstream out(std::cout);
    out << "The count is " << fuzz << count << " (worker " << id << ")\n";
    out << fuzz << rule_line();
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
