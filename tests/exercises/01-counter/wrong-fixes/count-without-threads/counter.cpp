// A wrong fix for exercise 1: no thread at all. The calling thread makes
// every increment itself (fuzz() calls kept), so the total is right and
// there is nothing to race with — and nothing of the exercise was done.
#include "counter.hpp"

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  for (long i = 0; i < workers * increments; ++i) {
    fuzz();
    ++counter;
    fuzz();
  }
  return counter;
}

}  // namespace racelab
