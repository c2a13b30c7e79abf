// Corpus, exercise 4, correct. Style: timers for everything. slow() waits on
// a steady_timer set with expires_at(); is_prime() hands the loop back every
// 16384 divisors by waiting on an already-expired timer (its completion is
// queued like any other, so the spinner runs first).
#include "slow.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  const auto executor = co_await boost::asio::this_coro::executor;
  boost::asio::steady_timer answer(executor);
  answer.expires_at(std::chrono::steady_clock::now() + delay);
  co_await answer.async_wait(boost::asio::use_awaitable);
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  boost::asio::steady_timer breather(co_await boost::asio::this_coro::executor);
  std::uint64_t tried = 0;
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (++tried % 16384 == 0) {
      breather.expires_after(std::chrono::steady_clock::duration::zero());
      co_await breather.async_wait(boost::asio::use_awaitable);
    }
  }
  co_return true;
}

}  // namespace racelab
