// Corpus, exercise 2, correct. Style: one helper prints a whole record under
// a function-local static std::mutex, taken with std::scoped_lock; the
// workers are lambdas.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {
namespace {

void print_record(int id, int count) {
  static std::mutex console;
  std::scoped_lock lock(console);
  std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
  std::cout << fuzz << "---------------\n";
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
  for (auto& thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
