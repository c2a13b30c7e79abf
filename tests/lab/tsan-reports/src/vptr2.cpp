#include <thread>
#include <mutex>
#include <unistd.h>
struct Base { virtual ~Base() { } virtual void hello() = 0; };
struct Derived : Base { void hello() override {} };
Base* object;
void user() { object->hello(); }
int main() {
  object = new Derived;
  std::thread a(user);
  usleep(1000);
  delete object;
  a.join();
  return 0;
}
