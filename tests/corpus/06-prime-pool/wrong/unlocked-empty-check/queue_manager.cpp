// Corpus, exercise 6, wrong (queue-manager strategy). Style: a job queue
// filled before the workers start; workers loop "while there is work" and
// take jobs with a locked try_take().
// Bug: empty() reads the queue without its mutex while other workers pop
// under it: a data race on the queue. (try_take() saves the answers, so the
// results are right: only ThreadSanitizer and the checker can tell.)
#include "prime_pool.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

template <class T>
class WorkQueue {
 public:
  void put(T item) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      items_.push_back(std::move(item));
    }
    ready_.notify_one();
  }

  std::optional<T> try_take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.empty()) {
      return std::nullopt;
    }
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  T take() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !items_.empty(); });
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  bool empty() const { return items_.empty(); }  // "just a peek"

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<T> items_;
};

struct Verdict {
  std::uint64_t number;
  bool prime;
};

}  // namespace

std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t>& numbers, int workers) {
  WorkQueue<std::uint64_t> jobs;
  WorkQueue<Verdict> verdicts;
  for (std::uint64_t n : numbers) {
    jobs.put(n);
  }
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&jobs, &verdicts] {
      while (!jobs.empty()) {
        const std::optional<std::uint64_t> n = jobs.try_take();
        if (!n) {
          break;
        }
        verdicts.put(Verdict{*n, is_prime(*n)});
      }
    });
  }
  std::vector<std::uint64_t> primes;
  for (std::size_t received = 0; received < numbers.size(); ++received) {
    const Verdict verdict = verdicts.take();
    if (verdict.prime) {
      primes.push_back(verdict.number);
    }
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return primes;
}

}  // namespace racelab
