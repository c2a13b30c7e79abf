// Corpus, exercise 6, correct (queue-manager strategy). Style: std::jthread
// workers that wait on a std::condition_variable_any with their stop_token;
// the manager knows how many verdicts to expect (one per number), collects
// them, and the jthreads' destructors then stop and join the workers.
#include "prime_pool.hpp"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <queue>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

struct Verdict {
  std::uint64_t number;
  bool prime;
};

class Channels {
 public:
  void put_job(std::uint64_t n) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push(n);
    }
    job_ready_.notify_one();
  }

  // The next job, or nothing once a stop is requested.
  std::optional<std::uint64_t> take_job(std::stop_token stop) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!job_ready_.wait(lock, stop, [this] { return !jobs_.empty(); })) {
      return std::nullopt;
    }
    const std::uint64_t n = jobs_.front();
    jobs_.pop();
    return n;
  }

  void put_verdict(Verdict verdict) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      verdicts_.push(verdict);
    }
    verdict_ready_.notify_one();
  }

  Verdict take_verdict() {
    std::unique_lock<std::mutex> lock(mutex_);
    verdict_ready_.wait(lock, [this] { return !verdicts_.empty(); });
    const Verdict verdict = verdicts_.front();
    verdicts_.pop();
    return verdict;
  }

 private:
  std::mutex mutex_;
  std::condition_variable_any job_ready_;
  std::condition_variable_any verdict_ready_;
  std::queue<std::uint64_t> jobs_;
  std::queue<Verdict> verdicts_;
};

}  // namespace

std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t>& numbers, int workers) {
  Channels channels;
  std::vector<std::uint64_t> primes;
  {
    std::vector<std::jthread> crew;
    for (int w = 0; w < workers; ++w) {
      crew.emplace_back([&channels](std::stop_token stop) {
        while (const std::optional<std::uint64_t> n = channels.take_job(stop)) {
          channels.put_verdict(Verdict{*n, is_prime(*n)});
        }
      });
    }
    for (std::uint64_t n : numbers) {
      channels.put_job(n);
    }
    for (std::size_t received = 0; received < numbers.size(); ++received) {
      const Verdict verdict = channels.take_verdict();
      if (verdict.prime) {
        primes.push_back(verdict.number);
      }
    }
  }  // every job is done: the jthreads request a stop and join here
  return primes;
}

}  // namespace racelab
