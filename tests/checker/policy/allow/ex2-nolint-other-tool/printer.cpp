// POLICY-EXERCISE: 02-print-interleaving
// Markers for other tools, and diagnostic pragmas: none of them is about
// racelab-check, so grading leaves them alone.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#pragma GCC diagnostic push
#pragma clang diagnostic ignored "-Wshadow"
#pragma message("building the printer")

namespace racelab {

std::mutex console_mutex;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

void print_in_parallel(int workers, int records) {
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    // NOLINTNEXTLINE(modernize-use-emplace): the lambda reads better here
    threads.push_back(std::thread([id, records] {
      for (int count = 1; count <= records; ++count) {
        std::lock_guard<std::mutex> lock(console_mutex);
        std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
        std::cout << fuzz << "---------------\n";
      }
    }));
  }
  for (auto &thread : threads) {
    thread.join();
  }
}

}  // namespace racelab

#pragma GCC diagnostic pop
