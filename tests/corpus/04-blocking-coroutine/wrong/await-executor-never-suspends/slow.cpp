// Corpus, exercise 4, wrong. Style: slow() is right (a timer); is_prime()
// "gives the others a turn" every 20000 divisors with
// `co_await boost::asio::this_coro::executor`.
// Bug: awaiting this_coro::executor only asks for the executor; it never
// suspends. The loop runs to the end in one step: a CPU loop with no
// suspension point on the event loop.
#include "slow.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  co_await timer.async_wait(boost::asio::use_awaitable);
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (divisor % 40'000 == 1) {
      co_await boost::asio::this_coro::executor;  // "let the spinner run"
    }
  }
  co_return true;
}

}  // namespace racelab
