// Corpus, exercise 6, correct (coroutine strategy). Style: a hand-written
// asynchronous operation (async_initiate): in pool mode the check is posted
// to the thread pool, and its completion is posted back to the awaiting
// coroutine's own executor, so every coroutine resumes on the loop's thread,
// the only one that touches the list of primes.
#include "prime_pool.hpp"

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>
#include <utility>
#include <vector>

namespace racelab {
namespace {

template <class CompletionToken>
auto async_is_prime(boost::asio::thread_pool& pool, std::uint64_t n, CompletionToken&& token) {
  return boost::asio::async_initiate<CompletionToken, void(bool)>(
      [&pool](auto handler, std::uint64_t number) {
        auto home = boost::asio::get_associated_executor(handler);
        boost::asio::post(pool, [handler = std::move(handler), home, number]() mutable {
          const bool verdict = is_prime(number);
          boost::asio::post(home, [handler = std::move(handler), verdict]() mutable {
            std::move(handler)(verdict);
          });
        });
      },
      token, n);
}

boost::asio::awaitable<void> check(std::uint64_t n, boost::asio::thread_pool* pool,
                                   std::vector<std::uint64_t>& primes) {
  bool prime;
  if (pool != nullptr) {
    prime = co_await async_is_prime(*pool, n, boost::asio::use_awaitable);
  } else {
    prime = is_prime(n);
  }
  if (prime) {
    primes.push_back(n);  // on the loop's thread
  }
}

}  // namespace

std::vector<std::uint64_t> primes_coroutines(const std::vector<std::uint64_t>& numbers, CoroutineMode mode,
                                             int workers) {
  std::unique_ptr<boost::asio::thread_pool> pool;
  if (mode == CoroutineMode::thread_pool) {
    pool = std::make_unique<boost::asio::thread_pool>(static_cast<std::size_t>(workers));
  }
  boost::asio::io_context loop;
  std::vector<std::uint64_t> primes;
  for (std::uint64_t n : numbers) {
    boost::asio::co_spawn(loop, check(n, pool.get(), primes), boost::asio::detached);
  }
  loop.run();
  if (pool) {
    pool->join();
  }
  return primes;
}

}  // namespace racelab
