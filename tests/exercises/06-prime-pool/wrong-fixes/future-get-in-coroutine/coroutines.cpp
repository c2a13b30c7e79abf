// Exercise 6 — a wrong fix of the coroutine pool: the check runs on the pool,
// but the coroutine waits for it with std::future::get(), which blocks the
// event loop's thread. The loop cannot start the next number's check until
// this one is done: one pool thread works at a time, whatever the pool's size.
// racelab-check flags the blocking call; the perf judge sees no speed-up.
#include "prime_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>

#include <future>
#include <optional>
#include <vector>

namespace racelab {

boost::asio::awaitable<void> check_number(std::uint64_t n, boost::asio::thread_pool* pool,
                                          std::vector<std::uint64_t>& primes) {
  bool prime = false;
  if (pool) {
    std::future<bool> verdict = boost::asio::post(*pool, boost::asio::use_future([n] { return is_prime(n); }));
    prime = verdict.get();
  } else {
    prime = is_prime(n);
  }
  if (prime) {
    primes.push_back(n);
  }
  co_return;
}

std::vector<std::uint64_t> primes_coroutines(const std::vector<std::uint64_t>& numbers, CoroutineMode mode,
                                             int workers) {
  std::optional<boost::asio::thread_pool> pool;
  if (mode == CoroutineMode::thread_pool) {
    pool.emplace(static_cast<std::size_t>(workers));
  }
  boost::asio::io_context loop;
  std::vector<std::uint64_t> primes;
  for (std::uint64_t n : numbers) {
    boost::asio::co_spawn(loop, check_number(n, pool ? &*pool : nullptr, primes), boost::asio::detached);
  }
  loop.run();
  if (pool) {
    pool->join();
  }
  return primes;
}

}  // namespace racelab
