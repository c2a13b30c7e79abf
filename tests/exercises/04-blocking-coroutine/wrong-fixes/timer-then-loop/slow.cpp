// A wrong fix for exercise 4: slow() now waits on a timer (right), and
// is_prime() co_awaits a timer too, once, before its loop — as if one co_await
// made the whole coroutine cooperative. The loop after it still runs to the
// end without handing the event loop back.
#include "slow.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  // The server takes its time to answer.
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
  // Let the spinner run before the long part.
  boost::asio::steady_timer pause(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(1));
  co_await pause.async_wait(boost::asio::use_awaitable);
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
  }
  co_return true;
}

}  // namespace racelab
