// Corpus, exercise 4, correct. Style: classes. A Server whose member
// coroutine answers after its delay on a timer; a TrialDivision object that
// does a bounded amount of work per call, driven by is_prime() with a post()
// between calls.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {
namespace {

class Server {
 public:
  explicit Server(std::chrono::milliseconds delay) : delay_(delay) {}

  boost::asio::awaitable<int> answer() const {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay_);
    co_await timer.async_wait(boost::asio::use_awaitable);
    co_return 42;
  }

 private:
  std::chrono::milliseconds delay_;
};

class TrialDivision {
 public:
  explicit TrialDivision(std::uint64_t n) : n_(n), prime_(n >= 2 && (n == 2 || n % 2 != 0)), done_(!prime_ || n < 9) {}

  bool done() const { return done_; }
  bool prime() const { return prime_; }

  // Tries up to `budget` more divisors.
  void advance(std::uint64_t budget) {
    for (; budget > 0 && !done_; --budget, next_ += 2) {
      if (next_ * next_ > n_) {
        done_ = true;
      } else if (n_ % next_ == 0) {
        prime_ = false;
        done_ = true;
      }
    }
  }

 private:
  std::uint64_t n_;
  std::uint64_t next_ = 3;
  bool prime_;
  bool done_;
};

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  const Server server(delay);
  co_return co_await server.answer();
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  TrialDivision check(n);
  while (!check.done()) {
    check.advance(25'000);
    co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
  }
  co_return check.prime();
}

}  // namespace racelab
