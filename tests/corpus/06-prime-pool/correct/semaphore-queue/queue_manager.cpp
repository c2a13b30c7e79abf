// Corpus, exercise 6, correct (queue-manager strategy). Style: a queue built
// from a std::counting_semaphore that counts the items and a mutex held only
// to push or pop; a stop job per worker; the manager collects verdicts until
// every worker has reported that it stopped.
#include "prime_pool.hpp"

#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <semaphore>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

template <class T>
class SemaphoreQueue {
 public:
  void put(T item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      items_.push_back(std::move(item));
    }
    available_.release();
  }

  T take() {
    available_.acquire();  // one item is there for us
    std::lock_guard<std::mutex> lock(mutex_);
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

 private:
  std::counting_semaphore<std::numeric_limits<int>::max()> available_{0};
  std::mutex mutex_;
  std::deque<T> items_;
};

struct Job {
  bool stop;
  std::uint64_t number;
};

struct Verdict {
  bool worker_stopped;
  std::uint64_t number;
  bool prime;
};

}  // namespace

std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t>& numbers, int workers) {
  SemaphoreQueue<Job> jobs;
  SemaphoreQueue<Verdict> verdicts;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&jobs, &verdicts] {
      for (Job job = jobs.take(); !job.stop; job = jobs.take()) {
        verdicts.put(Verdict{false, job.number, is_prime(job.number)});
      }
      verdicts.put(Verdict{true, 0, false});
    });
  }
  for (std::uint64_t n : numbers) {
    jobs.put(Job{false, n});
  }
  for (int w = 0; w < workers; ++w) {
    jobs.put(Job{true, 0});
  }
  std::vector<std::uint64_t> primes;
  for (int stopped = 0; stopped < workers;) {
    const Verdict verdict = verdicts.take();
    if (verdict.worker_stopped) {
      ++stopped;
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
