// Corpus, exercise 2, correct. Style: each worker formats its record in a
// std::ostringstream of its own (the pauses happen there, outside any lock),
// then writes the finished text under a std::binary_semaphore used as the
// console's lock.
#include "printer.hpp"

#include <iostream>
#include <semaphore>
#include <sstream>
#include <thread>
#include <vector>

namespace racelab {

std::binary_semaphore console_free{1};

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::ostringstream text;
    text << "The count is " << fuzz << count << " (worker " << id << ")\n";
    text << fuzz << "---------------\n";
    console_free.acquire();
    std::cout << text.str();
    console_free.release();
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
