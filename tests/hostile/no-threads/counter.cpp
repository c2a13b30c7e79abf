// Hostile submission: the right total, computed without a single thread.
#include "counter.hpp"

namespace racelab {

long counter = 0;

void worker(long increments) { counter += increments; }

long count_in_parallel(int workers, long increments) { return workers * increments; }

}  // namespace racelab
