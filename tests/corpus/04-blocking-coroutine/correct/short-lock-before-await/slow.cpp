// Corpus, exercise 4, correct. Style: a memo of answers already found,
// guarded by a mutex (is_prime() may run on several event loops at once). The
// lock is held only to look up or store an answer, in its own block, and is
// always released before the next co_await; the computation yields with
// post() every 20000 divisors.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace racelab {
namespace {

std::mutex memo_mutex;
std::unordered_map<std::uint64_t, bool> memo;

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  co_await timer.async_wait(boost::asio::use_awaitable);
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  {
    std::lock_guard<std::mutex> lock(memo_mutex);
    const auto known = memo.find(n);
    if (known != memo.end()) {
      co_return known->second;
    }
  }
  bool prime = n >= 2 && (n == 2 || n % 2 != 0);
  std::uint64_t until_yield = 20'000;
  for (std::uint64_t divisor = 3; prime && divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      prime = false;
    } else if (--until_yield == 0) {
      until_yield = 20'000;
      co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
    }
  }
  {
    std::lock_guard<std::mutex> lock(memo_mutex);
    memo[n] = prime;
  }
  co_return prime;
}

}  // namespace racelab
