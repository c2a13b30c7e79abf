// The kit's fuzzing pause, the default schedule of every exercise's hooks.
//
// A race needs two threads to interleave at one exact point, which on a quiet
// machine may happen once in a million runs. Hettinger's fix is to fuzz: at
// random, let other threads run right there. random_pause() does nothing half
// the time, yields the processor a quarter of the time and sleeps a few
// microseconds the last quarter. Where a bug class needs one exact
// interleaving, the graders force it instead (schedule.hpp).
#pragma once

#include <cstdint>

namespace racelab::testing {

/// One pause. Each thread draws from an engine of its own, seeded with
/// `run_seed` and the order in which threads first paused: no shared state,
/// so the pause adds no synchronisation that could hide a race.
void random_pause(std::uint64_t run_seed);

}  // namespace racelab::testing
