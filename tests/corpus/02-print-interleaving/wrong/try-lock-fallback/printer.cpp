// Corpus, exercise 2, wrong. Style: try_lock() "so workers never wait".
// Bug: when the console mutex is busy, the worker prints anyway, without the
// lock, right while the holder is in the middle of its record.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::mutex console_mutex;

void print_record(int id, int count) {
  std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
  std::cout << fuzz << "---------------\n";
}

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    if (console_mutex.try_lock()) {
      print_record(id, count);
      console_mutex.unlock();
    } else {
      print_record(id, count);  // busy: do not wait, just print
    }
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
