// Exercise 1 — the unsynchronized counter. Reference solution: a counter
// manager — one thread owns the count; workers send it requests on a queue.
#include "counter.hpp"

#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace racelab {

namespace {

// A queue that many threads may push to and one thread pops from.
class RequestQueue {
 public:
  enum class Request { increment, stop };

  void push(Request request) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push(request);
    }
    ready_.notify_one();
  }

  Request pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !requests_.empty(); });
    Request request = requests_.front();
    requests_.pop();
    return request;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<Request> requests_;
};

// Only this function touches the count, so the count needs no lock at all:
// the one shared object is the queue, and the queue protects itself.
long run_manager(RequestQueue& requests) {
  long count = 0;
  while (requests.pop() == RequestQueue::Request::increment) {
    ++count;
    fuzz();
  }
  return count;
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  RequestQueue requests;
  long result = 0;
  std::thread manager([&] { result = run_manager(requests); });
  // `result` is written by the manager and read below only after join().

  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&requests, increments] {
      for (long i = 0; i < increments; ++i) {
        fuzz();
        requests.push(RequestQueue::Request::increment);
        // Workers never read or write the count: they only ask for a change.
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  requests.push(RequestQueue::Request::stop);
  // Sent after every worker has finished, so it is the last request.
  manager.join();
  return result;
}

}  // namespace racelab
