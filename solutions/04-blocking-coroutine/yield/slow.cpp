// Exercise 4 — blocking inside a coroutine. Reference solution: wait on a
// timer, and hand the loop back every so often during the computation.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  // The server takes its time to answer.
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  // A timer on the coroutine's own event loop: it fires `delay` from now.
  co_await timer.async_wait(boost::asio::use_awaitable);
  // co_await suspends this coroutine and returns the loop to other tasks; the
  // loop resumes it when the timer fires. sleep_for would have put the whole
  // thread, loop included, to sleep.
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
  // A fraction of a millisecond of work: short enough that the spinner never
  // notices, long enough that handing the loop back costs almost nothing.
  std::uint64_t until_next_step = divisors_per_step;
  // Try every odd divisor up to the square root of n.
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (--until_next_step == 0) {
      until_next_step = divisors_per_step;
      co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
      // post() queues this coroutine's continuation behind everything already
      // waiting on the loop (the spinner's tick among them) and suspends it:
      // the loop runs them, then comes back here. Like asyncio.sleep(0).
    }
  }
  co_return true;
}

}  // namespace racelab
