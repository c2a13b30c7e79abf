// Exercise 6 — the prime pool: a job queue, workers, a result queue, and one
// manager that owns the results (the design of the talks' process pool).
//
// Run `ctest -L exercise6` and read what the judges say, then read README.md
// in this folder.
#include "prime_pool.hpp"

#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {

// A queue several threads can use at once: every access holds the queue's own
// mutex, and take() sleeps until there is something to take.
template <class T>
class BlockingQueue {
 public:
  void put(T item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      items_.push(std::move(item));
    }
    ready_.notify_one();
  }

  T take() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !items_.empty(); });
    T item = std::move(items_.front());
    items_.pop();
    return item;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<T> items_;
};

// A job: a number to check, or the order to stop.
struct Job {
  bool stop = false;
  std::uint64_t number = 0;
};

// A verdict on one number.
struct Verdict {
  std::uint64_t number = 0;
  bool prime = false;
};

void check_jobs(BlockingQueue<Job>& jobs, BlockingQueue<Verdict>& verdicts) {
  for (Job job = jobs.take(); !job.stop; job = jobs.take()) {
    verdicts.put(Verdict{job.number, is_prime(job.number)});
  }
}

std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t>& numbers, int workers) {
  (void)workers;  // TODO: one worker does every job for now.
  BlockingQueue<Job> jobs;
  BlockingQueue<Verdict> verdicts;
  for (std::uint64_t n : numbers) {
    jobs.put(Job{false, n});
  }
  jobs.put(Job{true, 0});
  std::thread worker(check_jobs, std::ref(jobs), std::ref(verdicts));

  // The manager: only this thread touches `primes`.
  std::vector<std::uint64_t> primes;
  for (std::size_t received = 0; received < numbers.size(); ++received) {
    const Verdict verdict = verdicts.take();
    if (verdict.prime) {
      primes.push_back(verdict.number);
    }
  }
  worker.join();
  return primes;
}

}  // namespace racelab
