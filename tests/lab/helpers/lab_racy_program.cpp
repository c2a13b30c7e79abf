// Built with -fsanitize=thread: Hettinger's unsynchronised counter, so the
// tsan judge must fail and name racelab::counter.
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

void worker(long rounds) {
  for (long i = 0; i < rounds; ++i) {
    long old_value = counter;
    counter = old_value + 1;
  }
}

}  // namespace racelab

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) workers.emplace_back(racelab::worker, 20000);
  for (auto& w : workers) w.join();
  return 0;
}
