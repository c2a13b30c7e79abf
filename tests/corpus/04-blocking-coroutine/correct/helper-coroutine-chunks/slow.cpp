// Corpus, exercise 4, correct. Style: small steps. slow() waits in slices of
// at most 20 ms until its deadline; is_prime() asks a helper coroutine about
// one block of divisors at a time and posts itself to the back of the queue
// between blocks.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace racelab {
namespace {

constexpr std::uint64_t block = 32'768;

// True if no odd divisor in [from, to) divides n (stops at the square root).
boost::asio::awaitable<bool> no_divisor_in(std::uint64_t n, std::uint64_t from, std::uint64_t to) {
  for (std::uint64_t divisor = from; divisor < to && divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
  }
  co_return true;
}

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + delay;
  boost::asio::steady_timer slice(co_await boost::asio::this_coro::executor);
  for (Clock::time_point now = Clock::now(); now < deadline; now = Clock::now()) {
    slice.expires_after(std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(20)));
    co_await slice.async_wait(boost::asio::use_awaitable);
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
  for (std::uint64_t from = 3; from * from <= n; from += block) {
    if (!co_await no_divisor_in(n, from, from + block)) {
      co_return false;
    }
    co_await boost::asio::post(executor, boost::asio::use_awaitable);
  }
  co_return true;
}

}  // namespace racelab
