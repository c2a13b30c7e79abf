// A correct program: racelab-check must say nothing and exit 0.
#include <mutex>
#include <thread>

std::mutex m;
long total = 0;

void add() {
  std::lock_guard<std::mutex> lock(m);
  ++total;
}

int main() {
  std::thread a(add), b(add);
  a.join();
  b.join();
  return total == 2 ? 0 : 1;
}
