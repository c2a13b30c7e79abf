// The kit's fuzzing pause, behind every exercise's fuzz() hook.
//
// A race needs two threads to interleave at one exact point, which on a quiet
// machine may happen once in a million runs. Hettinger's fix is to fuzz: at
// random, let other threads run right there. random_pause() does nothing half
// the time, yields the processor a quarter of the time and sleeps a few
// microseconds the last quarter, so a racy program shows its race on every
// run and a correct one only gets slower.
#pragma once

namespace racelab::testing {

void random_pause();

}  // namespace racelab::testing
