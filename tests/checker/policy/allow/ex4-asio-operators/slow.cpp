// POLICY-EXERCISE: 04-blocking-coroutine
// Exercise 4 with more of Asio: awaitable operators, a strand, post to a
// pool, error codes, a pool kept in a function-local static.
#include "slow.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdint>
#include <thread>

namespace racelab {

namespace {

using namespace boost::asio::experimental::awaitable_operators;

boost::asio::thread_pool &workers() {
  static boost::asio::thread_pool pool(std::thread::hardware_concurrency() > 1 ? 2 : 1);
  return pool;
}

bool trial_division(std::uint64_t n) {
  for (std::uint64_t d = 3; d * d <= n; d += 2) {
    if (n % d == 0) {
      return false;
    }
  }
  return true;
}

boost::asio::awaitable<void> wait_for(std::chrono::milliseconds delay) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  boost::system::error_code error;
  co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, error));
}

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  auto strand = boost::asio::make_strand(co_await boost::asio::this_coro::executor);
  co_await boost::asio::post(strand, boost::asio::use_awaitable);
  co_await (wait_for(delay) && wait_for(delay / 2));
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2 || n % 2 == 0) {
    co_return n == 2;
  }
  co_return co_await boost::asio::co_spawn(
      workers(), [n]() -> boost::asio::awaitable<bool> { co_return trial_division(n); },
      boost::asio::use_awaitable);
}

}  // namespace racelab
