#include <mutex>
#include <thread>
std::mutex first, second;
int shared_total = 0;
void with_first() { for (int i = 0; i < 1000; ++i) { std::lock_guard g(first); shared_total++; } }
void with_second() { for (int i = 0; i < 1000; ++i) { std::lock_guard g(second); shared_total++; } }
int main() {
  std::thread a(with_first);
  std::thread b(with_second);
  a.join(); b.join();
  return 0;
}
