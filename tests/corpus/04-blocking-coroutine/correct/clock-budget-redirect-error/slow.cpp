// Corpus, exercise 4, correct. Style: a time budget: is_prime() works until
// it has held the loop for 2 ms, then hands it back with post(); slow()
// waits with redirect_error into an error_code.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  boost::system::error_code ec;
  co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
  co_return ec ? -1 : 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  using Clock = std::chrono::steady_clock;
  constexpr auto budget = std::chrono::milliseconds(2);
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  auto slice_start = Clock::now();
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    // Reading the clock costs more than a division: only every 1024 divisors.
    if ((divisor & 0x7FF) == 1 && Clock::now() - slice_start > budget) {
      co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
      slice_start = Clock::now();
    }
  }
  co_return true;
}

}  // namespace racelab
