// Coroutines that hand each check to a pool with post(), and wait for it.
#include "prime_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>
#include <vector>

namespace racelab {

namespace {

boost::asio::awaitable<void> check(std::uint64_t n, boost::asio::thread_pool *pool, std::vector<std::uint64_t> &primes) {
  bool prime = false;
  if (pool) {
    auto home = co_await boost::asio::this_coro::executor;
    co_await boost::asio::post(pool->get_executor(), boost::asio::use_awaitable);
    prime = is_prime(n);
    co_await boost::asio::dispatch(home, boost::asio::use_awaitable);
  } else {
    prime = is_prime(n);
  }
  if (prime) {
    primes.push_back(n);
  }
}

}  // namespace

std::vector<std::uint64_t> primes_coroutines(const std::vector<std::uint64_t> &numbers, CoroutineMode mode,
                                             int workers) {
  std::optional<boost::asio::thread_pool> pool;
  if (mode == CoroutineMode::thread_pool) {
    pool.emplace(static_cast<std::size_t>(workers));
  }
  boost::asio::io_context loop;
  std::vector<std::uint64_t> primes;
  for (std::uint64_t n : numbers) {
    boost::asio::co_spawn(loop, check(n, pool ? &*pool : nullptr, primes), boost::asio::detached);
  }
  loop.run();
  if (pool) {
    pool->join();
  }
  return primes;
}

}  // namespace racelab
