// Corpus, exercise 2, wrong. Style: manual lock()/unlock() of one shared
// mutex around every write.
// Bug: the mutex is released between the header line and the rule line, so
// each line is whole but another worker's header can come in between them.
#include "printer.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::mutex console_mutex;

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    console_mutex.lock();
    std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
    console_mutex.unlock();
    console_mutex.lock();
    std::cout << fuzz << "---------------\n";
    console_mutex.unlock();
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
