#include <mutex>
#include <thread>
std::mutex left, right;
void left_then_right() { std::lock_guard a(left); std::lock_guard b(right); }
void right_then_left() { std::lock_guard a(right); std::lock_guard b(left); }
int main() {
  std::thread a(left_then_right);
  a.join();
  std::thread b(right_then_left);
  b.join();
  return 0;
}
