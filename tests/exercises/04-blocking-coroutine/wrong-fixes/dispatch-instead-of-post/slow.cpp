// A wrong fix for exercise 4: the computation hands the loop back every so
// often — with dispatch() instead of post(). On the loop's own thread,
// dispatch runs the continuation at once, inside the call: the loop gets no
// turn, and each step goes one call deeper until the stack overflows. Without
// the grader's watch, this program crashes.
#include "slow.hpp"

#include <boost/asio/dispatch.hpp>
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
  constexpr std::uint64_t divisors_per_step = 20'000;
  std::uint64_t until_next_step = divisors_per_step;
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (--until_next_step == 0) {
      until_next_step = divisors_per_step;
      co_await boost::asio::dispatch(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
    }
  }
  co_return true;
}

}  // namespace racelab
