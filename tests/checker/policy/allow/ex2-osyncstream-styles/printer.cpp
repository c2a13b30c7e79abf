// POLICY-EXERCISE: 02-print-interleaving
// Exercise 2 with std::osyncstream, std::format-free string building and a
// print lock kept by a small class of the student's.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <string>
#include <syncstream>
#include <thread>
#include <vector>

namespace racelab {

class Console {
 public:
  explicit Console(std::ostream &out) : out_(out) {}
  void write(const std::string &record) {
    std::lock_guard<std::mutex> lock(mutex_);
    out_ << record << std::flush;
  }

 private:
  std::ostream &out_;
  std::mutex mutex_;
};

void print_in_parallel(int workers, int records) {
  Console console(std::cout);
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back([&console, id, records] {
      for (int count = 1; count <= records; ++count) {
        if (count % 2 == 0) {
          std::osyncstream out(std::cout);
          out << "The count is " << fuzz << count << " (worker " << id << ")\n";
          out << fuzz << "---------------" << std::endl;
        } else {
          console.write("The count is " + std::to_string(count) + " (worker " + std::to_string(id) +
                        ")\n---------------\n");
        }
      }
    });
  }
  for (auto &thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
