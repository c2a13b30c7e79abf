#include <pthread.h>
void* body(void*) { return nullptr; }
int main() {
  pthread_t t;
  pthread_create(&t, nullptr, body, nullptr);
  for (volatile int i = 0; i < 10000000; i = i + 1) {}
  return 0;
}
