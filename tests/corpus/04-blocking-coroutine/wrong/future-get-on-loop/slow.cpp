// Corpus, exercise 4, wrong. Style: the computation moved to another thread
// with std::async; slow() waits on a timer.
// Bug: the coroutine then calls future::get(), which blocks the loop's thread
// until the other thread is done, exactly as if the loop computed it itself.
#include "slow.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <future>

namespace racelab {
namespace {

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
  std::future<bool> verdict = std::async(std::launch::async, no_odd_divisor, n);
  co_return verdict.get();
}

}  // namespace racelab
