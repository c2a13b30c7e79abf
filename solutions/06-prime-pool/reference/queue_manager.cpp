// Exercise 6 — the prime pool. Reference solution, queue-manager strategy:
// job queue → workers → result queue, and one owner of the results.
#include "prime_pool.hpp"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {

namespace {

// A queue several threads can use at once: every access holds the queue's own
// mutex, and take() sleeps on a condition variable until there is something
// to take. The queues are the only objects the threads share.
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

// A job: a number to check, or the order to stop (there are no more).
struct Job {
  bool stop = false;
  std::uint64_t number = 0;
};

// A verdict on one number, or a worker's report that it has stopped.
struct Verdict {
  bool worker_done = false;
  std::uint64_t number = 0;
  bool prime = false;
};

void check_jobs(BlockingQueue<Job>& jobs, BlockingQueue<Verdict>& verdicts) {
  for (Job job = jobs.take(); !job.stop; job = jobs.take()) {
    verdicts.put(Verdict{false, job.number, is_prime(job.number)});
  }
  // The manager counts these: once every worker has said so, no verdict can
  // still be on its way.
  verdicts.put(Verdict{true, 0, false});
}

}  // namespace

std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t>& numbers, int workers) {
  BlockingQueue<Job> jobs;
  BlockingQueue<Verdict> verdicts;
  for (std::uint64_t n : numbers) {
    jobs.put(Job{false, n});
  }
  // One stop order per worker, behind all the numbers: a worker that takes
  // one has nothing left to do.
  for (int w = 0; w < workers; ++w) {
    jobs.put(Job{true, 0});
  }
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(check_jobs, std::ref(jobs), std::ref(verdicts));
  }

  // The manager: this thread alone reads the verdicts and builds the list,
  // so the list needs no lock.
  std::vector<std::uint64_t> primes;
  for (int done = 0; done < workers;) {
    const Verdict verdict = verdicts.take();
    if (verdict.worker_done) {
      ++done;
    } else if (verdict.prime) {
      primes.push_back(verdict.number);
    }
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return primes;
}

}  // namespace racelab
