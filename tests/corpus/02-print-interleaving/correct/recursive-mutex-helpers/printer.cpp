// Corpus, exercise 2, correct. Style: small helpers that each lock the
// console (a std::recursive_mutex) for their own line, called from a record
// printer that holds the same lock across both: the helpers re-enter it.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {
namespace {

std::recursive_mutex console;

void print_header(int id, int count) {
  std::lock_guard<std::recursive_mutex> lock(console);
  std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
}

void print_rule() {
  std::lock_guard<std::recursive_mutex> lock(console);
  std::cout << fuzz << "---------------\n";
}

void print_record(int id, int count) {
  std::lock_guard<std::recursive_mutex> lock(console);  // held across both lines
  print_header(id, count);
  print_rule();
}

}  // namespace

void print_in_parallel(int workers, int records) {
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back([id, records] {
      for (int count = 1; count <= records; ++count) {
        print_record(id, count);
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
