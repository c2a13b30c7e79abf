// The contract, copied with a classic include guard instead of #pragma once:
// the guard is the one macro the contract may define.
#ifndef RACELAB_EXERCISE_COUNTER_HPP
#define RACELAB_EXERCISE_COUNTER_HPP

namespace racelab {

long count_in_parallel(int workers, long increments);

void fuzz();

}  // namespace racelab

#endif  // RACELAB_EXERCISE_COUNTER_HPP
