#include <thread>
namespace racelab {
long counter = 0;
void worker(long n) {
  for (long i = 0; i < n; ++i) {
    long value = counter;
    counter = value + 1;
  }
}
}  // namespace racelab
int main() {
  std::thread a(racelab::worker, 100000);
  std::thread b(racelab::worker, 100000);
  a.join();
  b.join();
  return 0;
}
