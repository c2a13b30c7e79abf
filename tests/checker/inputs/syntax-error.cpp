// Does not compile: racelab-check must say so in one line and exit 2.
#include <thread>

long counter = 0;

void worker() {
  counter = counter + 1 // missing semicolon
}
