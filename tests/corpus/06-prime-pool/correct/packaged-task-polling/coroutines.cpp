// Corpus, exercise 6, correct (coroutine strategy). Style: futures and
// polling. In pool mode each coroutine posts a std::packaged_task to the
// pool and polls its future without blocking: wait_for(0s) on every 1 ms
// timer tick, get() once it is ready. The loop meanwhile hands out the other
// numbers.
#include "prime_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <vector>

namespace racelab {
namespace {

boost::asio::awaitable<bool> verdict_from_pool(boost::asio::thread_pool& pool, std::uint64_t n) {
  auto task = std::make_shared<std::packaged_task<bool()>>([n] { return is_prime(n); });
  std::future<bool> verdict = task->get_future();
  boost::asio::post(pool, [task] { (*task)(); });
  boost::asio::steady_timer tick(co_await boost::asio::this_coro::executor);
  while (verdict.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    tick.expires_after(std::chrono::milliseconds(1));
    co_await tick.async_wait(boost::asio::use_awaitable);
  }
  co_return verdict.get();  // ready: no waiting
}

boost::asio::awaitable<void> check(std::uint64_t n, boost::asio::thread_pool* pool,
                                   std::vector<std::uint64_t>& primes) {
  const bool prime = pool ? co_await verdict_from_pool(*pool, n) : is_prime(n);
  if (prime) {
    primes.push_back(n);
  }
}

}  // namespace

std::vector<std::uint64_t> primes_coroutines(const std::vector<std::uint64_t>& numbers, CoroutineMode mode,
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
