#include <mutex>
#include <thread>
std::mutex gate;
int main() {
  gate.lock();
  std::thread a([] { gate.unlock(); });
  a.join();
  return 0;
}
