#include <thread>
int main() {
  int local = 0;
  std::thread a([&local] { for (int i = 0; i < 1000; ++i) local++; });
  for (int i = 0; i < 1000; ++i) local++;
  a.join();
  return local == 0;
}
