// The starter's racy update, in a "system header".
#pragma once
#pragma clang system_header

namespace racelab {

long counter = 0;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

}  // namespace racelab
