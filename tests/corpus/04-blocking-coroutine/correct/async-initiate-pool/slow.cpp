// Corpus, exercise 4, correct. Style: a hand-written asynchronous operation
// (async_initiate): the check runs on a thread pool, and its completion is
// posted back to the awaiting coroutine's own executor, so the coroutine
// resumes on its event loop. Only the number goes in, only the verdict comes
// back.
#include "slow.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <utility>

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

boost::asio::thread_pool& crunchers() {
  static boost::asio::thread_pool pool(1);
  return pool;
}

template <class CompletionToken>
auto async_no_odd_divisor(std::uint64_t n, CompletionToken&& token) {
  return boost::asio::async_initiate<CompletionToken, void(bool)>(
      [](auto handler, std::uint64_t number) {
        auto home = boost::asio::get_associated_executor(handler);
        boost::asio::post(crunchers(), [handler = std::move(handler), home, number]() mutable {
          const bool verdict = no_odd_divisor(number);
          boost::asio::post(home, [handler = std::move(handler), verdict]() mutable {
            std::move(handler)(verdict);
          });
        });
      },
      token, n);
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
  co_return co_await async_no_odd_divisor(n, boost::asio::use_awaitable);
}

}  // namespace racelab
