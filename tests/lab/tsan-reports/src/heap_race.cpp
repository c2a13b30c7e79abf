#include <thread>
#include <vector>
#include <memory>
struct Box { int value = 0; };
void bump(Box* box) { for (int i = 0; i < 1000; ++i) box->value++; }
int main() {
  auto box = std::make_unique<Box>();
  std::thread a(bump, box.get());
  std::thread b(bump, box.get());
  a.join(); b.join();
  return 0;
}
