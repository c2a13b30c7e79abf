// Built with -fsanitize=thread: correct (atomic) counter, so no TSan report,
// but exits 201 like a Boost.Test grader whose checks failed.
#include <atomic>
#include <thread>
#include <vector>

std::atomic<long> counter{0};

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) {
    workers.emplace_back([] {
      for (int j = 0; j < 1000; ++j) counter.fetch_add(1, std::memory_order_relaxed);
    });
  }
  for (auto& w : workers) w.join();
  return counter == 2000 ? 201 : 0;
}
