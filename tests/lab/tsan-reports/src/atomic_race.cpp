#include <atomic>
#include <thread>
long plain_flag = 0;
int main() {
  std::thread a([] { for (int i = 0; i < 1000; ++i) __atomic_store_n(&plain_flag, i, __ATOMIC_RELAXED); });
  std::thread b([] { for (int i = 0; i < 1000; ++i) plain_flag = i; });
  a.join(); b.join();
  return 0;
}
