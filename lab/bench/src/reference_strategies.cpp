// The kit's reference strategies: the yardstick a student's strategies are
// measured against, in the same run. Written as small generic kernels, not as
// exercise solutions: each does the plainest correct thing for its approach,
// so "as fast as the reference" means "no needless serialisation".

#include "racelab/bench/driver.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace asio = boost::asio;
using racelab::bench::Answer;
using racelab::bench::Workload;

namespace {

/// A mutex + condition-variable queue: the queue-manager strategies' channel.
template <class T>
class BlockingQueue {
public:
  void push(T value) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(value));
    }
    ready_.notify_one();
  }
  T pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty(); });
    T value = std::move(items_.front());
    items_.pop_front();
    return value;
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<T> items_;
};

/// Starts `workers` threads running body(worker_index) and joins them all.
template <class Body>
void run_threads(int workers, Body body) {
  std::vector<std::jthread> threads;
  threads.reserve(static_cast<std::size_t>(workers));
  for (int i = 0; i < workers; ++i) threads.emplace_back(body, i);
}

/// The share of `total` that worker `index` of `workers` takes (the first ones take the remainder).
std::uint64_t share_of(std::uint64_t total, int workers, int index) {
  const auto w = static_cast<std::uint64_t>(workers);
  return total / w + (static_cast<std::uint64_t>(index) < total % w ? 1 : 0);
}

void add_prime(Answer& a, std::uint64_t n) {
  if (racelab::bench::is_prime(n)) {
    ++a.count;
    a.checksum += n;
  }
}

// ---- primes (CPU-bound) -------------------------------------------------------

Answer primes_sequential(const Workload& w, int) {
  Answer a;
  for (auto n : w.numbers) add_prime(a, n);
  return a;
}

/// Each thread claims the next unchecked number and keeps its own tally; the
/// tallies meet under the lock once per thread, not once per number.
Answer primes_threaded(const Workload& w, int workers) {
  std::atomic<std::size_t> next{0};
  std::mutex total_mutex;
  Answer total;
  run_threads(workers, [&](int) {
    Answer mine;
    for (std::size_t i = next++; i < w.numbers.size(); i = next++) add_prime(mine, w.numbers[i]);
    std::lock_guard lock(total_mutex);
    total.count += mine.count;
    total.checksum += mine.checksum;
  });
  return total;
}

/// Jobs go into one queue, verdicts come back through another; this thread is the manager.
Answer primes_queue_manager(const Workload& w, int workers) {
  BlockingQueue<std::optional<std::uint64_t>> jobs;
  BlockingQueue<std::pair<std::uint64_t, bool>> verdicts;
  for (auto n : w.numbers) jobs.push(n);
  for (int i = 0; i < workers; ++i) jobs.push(std::nullopt);  // one "stop" per worker
  std::vector<std::jthread> pool;
  for (int i = 0; i < workers; ++i) {
    pool.emplace_back([&] {
      while (auto n = jobs.pop()) verdicts.push({*n, racelab::bench::is_prime(*n)});
    });
  }
  Answer a;
  for (std::size_t i = 0; i < w.numbers.size(); ++i) {
    const auto [n, prime] = verdicts.pop();
    if (prime) {
      ++a.count;
      a.checksum += n;
    }
  }
  return a;
}

/// fork() one child per worker; child i checks every workers-th number and
/// writes its tally to its pipe. The numbers cost about the same, so a fixed
/// stride balances the load without any shared state.
Answer primes_process(const Workload& w, int workers) {
  struct Child {
    pid_t pid;
    int read_end;
  };
  std::vector<Child> children;
  for (int i = 0; i < workers; ++i) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe() failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork() failed");
    if (pid == 0) {
      ::close(fds[0]);
      Answer mine;
      for (std::size_t k = static_cast<std::size_t>(i); k < w.numbers.size(); k += static_cast<std::size_t>(workers))
        add_prime(mine, w.numbers[k]);
      const std::uint64_t message[2] = {mine.count, mine.checksum};
      const bool sent = ::write(fds[1], message, sizeof message) == static_cast<ssize_t>(sizeof message);
      ::_exit(sent ? 0 : 1);  // _exit: no static destructors or flushed buffers of the parent's copy
    }
    ::close(fds[1]);
    children.push_back({pid, fds[0]});
  }
  Answer total;
  for (const auto& child : children) {
    std::uint64_t message[2] = {0, 0};
    const bool received = ::read(child.read_end, message, sizeof message) == static_cast<ssize_t>(sizeof message);
    ::close(child.read_end);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    if (!received) throw std::runtime_error("a worker process sent no result");
    total.count += message[0];
    total.checksum += message[1];
  }
  return total;
}

/// One coroutine per number on a one-thread event loop: concurrency without
/// parallelism, so about the sequential time (the point of the comparison).
Answer primes_coroutine(const Workload& w, int) {
  asio::io_context loop;
  Answer a;
  for (auto n : w.numbers) {
    asio::co_spawn(loop, [&a, n]() -> asio::awaitable<void> {
      add_prime(a, n);
      co_return;
    }, asio::detached);
  }
  loop.run();
  return a;
}

/// The event loop stays on this thread; each number's check is handed to a
/// pool of `workers` threads and the loop resumes when the verdict is back,
/// so the tally is only touched by the loop's thread.
Answer primes_coroutine_pool(const Workload& w, int workers) {
  asio::io_context loop;
  asio::thread_pool pool(static_cast<std::size_t>(workers));
  Answer a;
  for (auto n : w.numbers) {
    asio::co_spawn(loop, [&a, &pool, n]() -> asio::awaitable<void> {
      const bool prime = co_await asio::co_spawn(
          pool, [n]() -> asio::awaitable<bool> { co_return racelab::bench::is_prime(n); }, asio::use_awaitable);
      if (prime) {
        ++a.count;
        a.checksum += n;
      }
    }, asio::detached);
  }
  loop.run();
  pool.join();
  return a;
}

// ---- tables (I/O-bound) -------------------------------------------------------

Answer tables_sequential(const Workload& w, int) {
  Answer a;
  for (std::uint64_t t = 1; t <= w.tables; ++t) {
    racelab::bench::think(w.latency);
    ++a.count;
    a.checksum += t;
  }
  return a;
}

/// `workers` waiters, each taking the next table: blocking waits overlap.
Answer tables_threads(const Workload& w, int workers) {
  std::atomic<std::uint64_t> next{1}, served{0}, sum{0};
  run_threads(workers, [&](int) {
    for (std::uint64_t t = next++; t <= w.tables; t = next++) {
      racelab::bench::think(w.latency);
      ++served;
      sum += t;
    }
  });
  return {served.load(), sum.load()};
}

/// One coroutine per table on one thread; each waits on a timer, so all the
/// waits overlap and the whole run takes about one table's latency.
Answer tables_coroutines(const Workload& w, int) {
  asio::io_context loop;
  Answer a;
  for (std::uint64_t t = 1; t <= w.tables; ++t) {
    asio::co_spawn(loop, [&a, &w, t]() -> asio::awaitable<void> {
      asio::steady_timer timer(co_await asio::this_coro::executor, w.latency);
      co_await timer.async_wait(asio::use_awaitable);
      ++a.count;
      a.checksum += t;
    }, asio::detached);
  }
  loop.run();
  return a;
}

// ---- counter (contended) ------------------------------------------------------

Answer counter_sequential(const Workload& w, int) {
  std::uint64_t count = 0;
  for (std::uint64_t i = 0; i < w.increments; ++i) {
    ++count;
    // An empty asm the optimiser cannot see through: without it the loop
    // becomes one addition and the baseline would not count one by one.
    asm volatile("" : "+r"(count));
  }
  return {count, 0};
}

Answer counter_mutex(const Workload& w, int workers) {
  std::mutex m;
  std::uint64_t count = 0;
  run_threads(workers, [&](int index) {
    for (auto i = share_of(w.increments, workers, index); i > 0; --i) {
      std::lock_guard lock(m);
      ++count;
    }
  });
  return {count, 0};
}

Answer counter_atomic(const Workload& w, int workers) {
  std::atomic<std::uint64_t> count{0};
  run_threads(workers, [&](int index) {
    for (auto i = share_of(w.increments, workers, index); i > 0; --i) count.fetch_add(1, std::memory_order_relaxed);
  });
  return {count.load(), 0};
}

/// Workers send one message per increment; only the manager touches the count.
Answer counter_queue_manager(const Workload& w, int workers) {
  BlockingQueue<int> messages;  // 1: increment, 0: a worker is done
  std::uint64_t count = 0;
  std::jthread manager([&] {
    for (int running = workers; running > 0;) {
      if (messages.pop() == 1) ++count;
      else --running;
    }
  });
  run_threads(workers, [&](int index) {
    for (auto i = share_of(w.increments, workers, index); i > 0; --i) messages.push(1);
    messages.push(0);
  });
  manager.join();
  return {count, 0};
}

}  // namespace

RACELAB_BENCH_STRATEGY(primes_sequential, "primes", "sequential", false, primes_sequential)
RACELAB_BENCH_STRATEGY(primes_threaded, "primes", "threaded", true, primes_threaded)
RACELAB_BENCH_STRATEGY(primes_queue_manager, "primes", "queue-manager", true, primes_queue_manager)
RACELAB_BENCH_STRATEGY(primes_process, "primes", "process", true, primes_process)
RACELAB_BENCH_STRATEGY(primes_coroutine, "primes", "coroutine", false, primes_coroutine)
RACELAB_BENCH_STRATEGY(primes_coroutine_pool, "primes", "coroutine-pool", true, primes_coroutine_pool)
RACELAB_BENCH_STRATEGY(tables_sequential, "tables", "sequential", false, tables_sequential)
RACELAB_BENCH_STRATEGY(tables_threads, "tables", "threads", true, tables_threads)
RACELAB_BENCH_STRATEGY(tables_coroutines, "tables", "coroutines", false, tables_coroutines)
RACELAB_BENCH_STRATEGY(counter_sequential, "counter", "sequential", false, counter_sequential)
RACELAB_BENCH_STRATEGY(counter_mutex, "counter", "mutex", true, counter_mutex)
RACELAB_BENCH_STRATEGY(counter_atomic, "counter", "atomic", true, counter_atomic)
RACELAB_BENCH_STRATEGY(counter_queue_manager, "counter", "queue-manager", true, counter_queue_manager)
