// Corpus, exercise 4, correct. Style: error codes instead of exceptions
// (as_tuple) for the wait; boost::asio::defer() to requeue the computation
// behind the other tasks every 20000 divisors.
#include "slow.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/defer.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/system_error.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  auto [error] = co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  if (error) {
    throw boost::system::system_error(error, "slow(): waiting for the server");
  }
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  const auto executor = co_await boost::asio::this_coro::executor;
  int countdown = 20'000;
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (--countdown == 0) {
      countdown = 20'000;
      co_await boost::asio::defer(executor, boost::asio::use_awaitable);
    }
  }
  co_return true;
}

}  // namespace racelab
