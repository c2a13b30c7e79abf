// Corpus, exercise 1, correct. Style: a manager thread that runs
// std::function jobs from a queue (a condition variable wakes it); workers
// send it "add one" jobs, so only the manager's thread touches the total. It
// stops when told, after running everything already queued.
#include "counter.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

class JobRunner {
 public:
  JobRunner() : thread_([this] { run(); }) {}
  ~JobRunner() { finish(); }
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void submit(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

  // Runs what is queued, then stops the manager and waits for it.
  void finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) {
      thread_.join();
    }
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return closing_ || !jobs_.empty(); });
      while (!jobs_.empty()) {
        std::function<void()> job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        lock.lock();
      }
      if (closing_) {
        return;  // only once the queue is empty
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool closing_ = false;
  std::thread thread_;  // last: starts once the members it uses exist
};

}  // namespace

long count_in_parallel(int workers, long increments) {
  long total = 0;  // only the runner's thread touches it until finish() has joined it
  JobRunner runner;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&runner, &total, increments] {
      for (long i = 0; i < increments; ++i) {
        runner.submit([&total] {
          long old_value = total;
          fuzz();
          total = old_value + 1;
        });
        fuzz();
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  runner.finish();
  return total;
}

}  // namespace racelab
