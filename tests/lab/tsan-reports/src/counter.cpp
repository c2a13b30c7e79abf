#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

// Hettinger's example: read, think, write back.
void worker(long rounds) {
  for (long i = 0; i < rounds; ++i) {
    long old_value = counter;
    long new_value = old_value + 1;
    counter = new_value;
  }
}

}  // namespace racelab

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i) workers.emplace_back(racelab::worker, 100000);
  for (auto& w : workers) w.join();
  return racelab::counter == 400000 ? 0 : 201;
}
