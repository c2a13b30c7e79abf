// Corpus, exercise 4, correct. Style: std::async for the computation, and a
// coroutine that polls the future without ever blocking: wait_for(0s) says
// whether it is ready, a 2 ms timer wait in between leaves the loop free;
// get() is called only once the answer is there. The timer type has
// use_awaitable as its default completion token.
#include "slow.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <future>

namespace racelab {
namespace {

using AwaitableTimer = boost::asio::use_awaitable_t<>::as_default_on_t<boost::asio::steady_timer>;

bool no_odd_divisor(std::uint64_t n) {
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  AwaitableTimer timer(co_await boost::asio::this_coro::executor, delay);
  co_await timer.async_wait();
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  std::future<bool> verdict = std::async(std::launch::async, no_odd_divisor, n);
  AwaitableTimer poll(co_await boost::asio::this_coro::executor);
  while (verdict.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    poll.expires_after(std::chrono::milliseconds(2));
    co_await poll.async_wait();
  }
  co_return verdict.get();  // ready: get() does not wait
}

}  // namespace racelab
