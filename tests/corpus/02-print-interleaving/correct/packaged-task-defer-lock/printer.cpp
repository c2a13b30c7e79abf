// Corpus, exercise 2, correct. Style: each worker is a std::packaged_task run
// on its own std::thread, its future waited for at the end; the console lock
// is a std::unique_lock made with std::defer_lock and locked by hand.
#include "printer.hpp"

#include <future>
#include <iostream>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {

std::mutex console_mutex;

void print_records(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    std::unique_lock<std::mutex> lock(console_mutex, std::defer_lock);
    lock.lock();
    std::cout << "The count is " << fuzz << count << " (worker " << id << ")\n";
    std::cout << fuzz << "---------------\n";
  }
}

void print_in_parallel(int workers, int records) {
  std::vector<std::future<void>> finished;
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    std::packaged_task<void()> task([id, records] { print_records(id, records); });
    finished.push_back(task.get_future());
    threads.emplace_back(std::move(task));
  }
  for (std::future<void>& f : finished) {
    f.get();
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
