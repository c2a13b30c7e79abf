#include <thread>
int* volatile nowhere = nullptr;
int main() {
  std::thread a([] { *nowhere = 42; });
  a.join();
  return 0;
}
