// Exercise 1 — the unsynchronized counter.
//
// The contract between your code (counter.cpp) and the grader. Do not change
// it: the grader calls these functions exactly as declared here.
#pragma once

namespace racelab {

/// Starts `workers` threads. Each adds 1 to one counter shared by all of them,
/// `increments` times. Waits for every thread to finish and returns the final
/// value of the counter, which must be workers × increments. Each call starts
/// again from zero.
long count_in_parallel(int workers, long increments);

/// Provided by the kit. It sometimes does nothing, sometimes lets another
/// thread run for a moment, at random — like the fuzz() in Raymond Hettinger's
/// keynote on concurrency. It changes nothing in a correct program; in a racy
/// one it makes the rare bad interleaving happen on every run. Keep the calls
/// where the starter has them.
void fuzz();

}  // namespace racelab
