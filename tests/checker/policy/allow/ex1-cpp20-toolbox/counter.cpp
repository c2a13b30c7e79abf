// Exercise 1 with much of the standard library's concurrency toolbox, a
// header of the student's own in a subfolder and an included .inc file.
#include "counter.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <future>
#include <latch>
#include <numeric>
#include <optional>
#include <random>
#include <semaphore>
#include <shared_mutex>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "detail/spin_lock.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"

namespace racelab {

struct Key {
  int worker = 0;
  bool operator==(const Key &) const = default;
};

}  // namespace racelab

template <> struct std::hash<racelab::Key> {
  std::size_t operator()(const racelab::Key &k) const noexcept { return std::hash<int>{}(k.worker); }
};

namespace racelab {

namespace {

constexpr auto square = [](long x) { return x * x; };
const std::vector<int> primes = {2, 3, 5, 7};
std::atomic<long> calls{0};
std::mutex log_mutex;
inline thread_local long local_steps = 0;

#include "tally.inc"

struct alignas(64) PaddedCounter {
  std::atomic<long> value{0};
};

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  ~Stopwatch() { elapsed_ = std::chrono::steady_clock::now() - start_; }

 private:
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::duration elapsed_{};
};

[[nodiscard]] long by_atomic_ref(int workers, long increments) {
  long counter = 0;
  std::atomic_ref<long> shared(counter);
  std::latch started(workers);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      started.arrive_and_wait();
      for (long i = 0; i < increments; ++i) {
        shared.fetch_add(1, std::memory_order_relaxed);
        ++local_steps;
      }
    });
  }
  for (auto &t : threads) {
    t.join();
  }
  return counter;
}

long by_futures(int workers, long increments) {
  std::vector<std::future<long>> parts;
  for (int w = 0; w < workers; ++w) {
    parts.push_back(std::async(std::launch::async, [increments] {
      long mine = 0;
      for (long i = 0; i < increments; ++i) {
        fuzz();
        ++mine;
      }
      return mine;
    }));
  }
  long total = 0;
  for (auto &part : parts) {
    total += part.get();
  }
  return total;
}

long by_semaphore_and_barrier(int workers, long increments) {
  PaddedCounter counter;
  std::counting_semaphore<16> slots(2);
  std::barrier sync(workers, []() noexcept {});
  SpinLock spin;
  long spun = 0;
  std::vector<std::jthread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&](std::stop_token stop) {
      sync.arrive_and_wait();
      for (long i = 0; i < increments && !stop.stop_requested(); ++i) {
        slots.acquire();
        counter.value.fetch_add(1);
        slots.release();
        std::lock_guard<SpinLock> guard(spin);
        ++spun;
      }
    });
  }
  threads.clear();
  return counter.value.load();
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  Stopwatch watch;
  ++calls;
  std::mt19937 engine(std::random_device{}());
  std::uniform_int_distribution<int> pick(0, 2);
  std::unordered_map<Key, long> seen;
  seen[Key{workers}] = square(increments);
  std::ostringstream note;
  note << "run " << calls.load() << " of " << std::sqrt(static_cast<double>(primes.back()));
  const std::string owned = note.str();
  std::string_view text = owned;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%zu", text.size());
  std::vector<long> results = {by_atomic_ref(workers, increments), by_futures(workers, increments),
                               by_semaphore_and_barrier(workers, increments)};
  std::sort(results.begin(), results.end());
  std::span<const long> view(results);
  const long agreed = view[static_cast<std::size_t>(pick(engine))];
  return std::accumulate(results.begin(), results.end(), 0L) == 3 * agreed ? agreed + tally(0) : -1;
}

}  // namespace racelab

#pragma GCC diagnostic pop
