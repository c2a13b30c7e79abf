#include <csignal>
#include <cstdlib>
#include <unistd.h>
void handler(int) {
  volatile char* p = static_cast<char*>(malloc(1));
  p[0] = 0;
  free((void*)p);
}
int main() {
  struct sigaction act = {};
  act.sa_handler = &handler;
  sigaction(SIGPROF, &act, nullptr);
  kill(getpid(), SIGPROF);
  sleep(1);
  return 0;
}
