// POLICY-EXERCISE: 04-blocking-coroutine
// Asio is allowed in exercise 4, but not its signal handling or its sockets.
#include "slow.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  auto executor = co_await boost::asio::this_coro::executor;
  boost::asio::signal_set signals(executor, SIGTERM);
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the type 'boost::asio::basic_signal_set' is not allowed in graded code: it changes how the [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:27: error: 'boost::asio::basic_signal_set::basic_signal_set' is not allowed in graded code: it changes how the [racelab-policy-reference]
  boost::asio::ip::tcp::socket socket(executor);
// CHECK-MESSAGES: :[[@LINE-1]]:20: error: the type 'boost::asio::ip::tcp' is not allowed in graded code: it opens network connections [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:25: error: the type 'boost::asio::basic_stream_socket' is not allowed in graded code: it opens network connections [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-3]]:32: error: 'boost::asio::basic_stream_socket::basic_stream_socket' is not allowed in graded code: it opens network connections [racelab-policy-reference]
  boost::asio::steady_timer timer(executor, delay);
  co_await timer.async_wait(boost::asio::use_awaitable);
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  for (std::uint64_t d = 2; d * d <= n; ++d) {
    if (n % d == 0) {
      co_return false;
    }
  }
  co_return n >= 2;
}

}  // namespace racelab
