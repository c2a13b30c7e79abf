#include "counter.hpp"
#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace racelab {
namespace {
std::mutex queue_mutex;
std::condition_variable queue_changed;
std::queue<long> increments_queue;
bool workers_done = false;
long counter = 0; // owned by the manager thread while the workers run

void worker(int increments) {
  for (int i = 0; i < increments; ++i) {
    fuzz();
    std::lock_guard<std::mutex> lock(queue_mutex);
    increments_queue.push(1);
    queue_changed.notify_one();
  }
}

void manager() {
  std::unique_lock<std::mutex> lock(queue_mutex);
  while (true) {
    queue_changed.wait(lock, [] { return !increments_queue.empty() || workers_done; });
    while (!increments_queue.empty()) {
      counter += increments_queue.front();
      increments_queue.pop();
    }
    if (workers_done)
      return;
  }
}
} // namespace

long count_with_threads(int threads, int increments) {
  counter = 0;
  std::thread owner(manager);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back(worker, increments);
  for (std::thread &t : workers)
    t.join();
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    workers_done = true;
  }
  queue_changed.notify_one();
  owner.join();
  return counter;
}
} // namespace racelab
