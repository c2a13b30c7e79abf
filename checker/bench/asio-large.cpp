// A large translation unit for checker/bench/benchmark: much of Boost.Asio
// (awaitables, experimental channels and awaitable operators, SSL, strands,
// thread pools, timers, sockets) plus threads and mutexes, so that parsing
// dominates and every racelab check has work to do. It is only parsed, never
// linked; it warns on purpose (a racy counter, a blocking call in a coroutine,
// a lock across co_await, an interleaved std::cout record).
//
//   clang++-16 -std=c++20 -fsyntax-only checker/bench/asio-large.cpp
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/experimental/promise.hpp>
#include <boost/asio/experimental/use_promise.hpp>
#include <boost/asio/ssl.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
using asio::awaitable;
using asio::co_spawn;
using asio::detached;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

namespace bench {

long hits = 0;                 // racy: written by every pool thread
std::atomic<long> served{0};   // fine
std::mutex log_mutex;
std::vector<std::string> log_lines; // guarded by log_mutex

void record(const std::string &line) {
  std::lock_guard<std::mutex> lock(log_mutex);
  log_lines.push_back(line);
}

awaitable<void> echo_once(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
    ++served;
  }
}

awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    auto executor = socket.get_executor();
    co_spawn(executor, echo_once(std::move(socket)), detached);
  }
}

awaitable<void> slow_handler(asio::steady_timer &timer) {
  std::this_thread::sleep_for(10ms); // blocking in a coroutine
  timer.expires_after(5ms);
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> locked_wait(asio::steady_timer &timer) {
  std::lock_guard<std::mutex> lock(log_mutex); // held across co_await
  timer.expires_after(1ms);
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> race_timers() {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer a(executor, 1ms), b(executor, 2ms);
  co_await (a.async_wait(use_awaitable) || b.async_wait(use_awaitable));
  co_await (a.async_wait(use_awaitable) && b.async_wait(use_awaitable));
}

awaitable<void> channel_pipeline() {
  auto executor = co_await asio::this_coro::executor;
  asio::experimental::channel<void(boost::system::error_code, int)> channel(executor, 8);
  for (int i = 0; i < 4; ++i)
    co_await channel.async_send(boost::system::error_code{}, i, use_awaitable);
  int sum = 0;
  for (int i = 0; i < 4; ++i)
    sum += co_await channel.async_receive(use_awaitable);
  record("sum " + std::to_string(sum));
}

awaitable<void> tls_client(asio::ssl::context &context, tcp::endpoint endpoint) {
  auto executor = co_await asio::this_coro::executor;
  asio::ssl::stream<tcp::socket> stream(executor, context);
  co_await stream.next_layer().async_connect(endpoint, use_awaitable);
  co_await stream.async_handshake(asio::ssl::stream_base::client, use_awaitable);
  std::string request = "GET / HTTP/1.0\r\n\r\n";
  co_await asio::async_write(stream, asio::buffer(request), use_awaitable);
  asio::streambuf response;
  co_await asio::async_read_until(stream, response, "\r\n\r\n", use_awaitable);
}

void strand_work(asio::io_context &io) {
  auto strand = asio::make_strand(io);
  for (int i = 0; i < 16; ++i)
    asio::post(strand, [i] { record("strand " + std::to_string(i)); });
  asio::io_context::strand legacy(io);
  legacy.post([] { record("legacy strand"); });
}

void pool_work() {
  asio::thread_pool pool(4);
  for (int i = 0; i < 100; ++i)
    asio::post(pool, [] { ++hits; });
  std::future<int> answer = asio::post(pool, asio::use_future([] { return 42; }));
  pool.join();
  record("answer " + std::to_string(answer.get()));
}

void parallel_ops(asio::io_context &io) {
  asio::steady_timer t1(io, 1ms), t2(io, 2ms);
  asio::experimental::make_parallel_group(
      [&](auto token) { return t1.async_wait(token); },
      [&](auto token) { return t2.async_wait(token); })
      .async_wait(asio::experimental::wait_for_one(),
                  [](std::array<std::size_t, 2>, boost::system::error_code,
                     boost::system::error_code) { record("group done"); });
}

void signals_and_resolve(asio::io_context &io) {
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code, int) { io.stop(); });
  tcp::resolver resolver(io);
  resolver.async_resolve("localhost", "8080",
                         [](boost::system::error_code, tcp::resolver::results_type) {});
  asio::ip::udp::socket udp(io, asio::ip::udp::endpoint(asio::ip::udp::v4(), 0));
  asio::local::stream_protocol::socket local(io);
  asio::posix::stream_descriptor descriptor(io);
}

struct Stats {
  std::mutex mutex;
  std::condition_variable ready_cv;
  bool ready = false;
  int value = 0;
};

void producer(Stats &stats) {
  {
    std::lock_guard<std::mutex> lock(stats.mutex);
    stats.value = 7;
    stats.ready = true;
  }
  stats.ready_cv.notify_one();
}

void consumer(Stats &stats) {
  std::unique_lock<std::mutex> lock(stats.mutex);
  stats.ready_cv.wait(lock, [&] { return stats.ready; });
  std::cout << "value " << stats.value << '\n'; // lock held: fine
}

void chatty(int id) { std::cout << "worker " << id << " done" << '\n'; } // interleaves

int run() {
  asio::io_context io(2);
  tcp::acceptor acceptor(io, {tcp::v4(), 0});
  co_spawn(io, listener(std::move(acceptor)), detached);
  asio::steady_timer timer(io);
  co_spawn(io, slow_handler(timer), detached);
  co_spawn(io, locked_wait(timer), detached);
  co_spawn(io, race_timers(), detached);
  co_spawn(io, channel_pipeline(), detached);
  asio::ssl::context tls(asio::ssl::context::tls_client);
  co_spawn(io, tls_client(tls, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 443)), detached);
  strand_work(io);
  parallel_ops(io);
  signals_and_resolve(io);

  Stats stats;
  std::vector<std::thread> threads;
  threads.emplace_back(producer, std::ref(stats));
  threads.emplace_back(consumer, std::ref(stats));
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(chatty, i);
  std::thread runner([&] { io.run(); });
  pool_work();
  for (auto &t : threads)
    t.join();
  runner.join();
  return static_cast<int>(hits + served);
}

} // namespace bench

int main() { return bench::run(); }
