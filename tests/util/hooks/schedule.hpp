// The schedules behind the kit's hooks.
//
// Every exercise hook (exercise 1's fuzz(), exercise 2's `<< fuzz`,
// exercise 3's fuzz()…) calls hook_step(), which notes the calling thread in
// the work log (work_log.hpp) and then lets the current schedule decide what
// happens at that point of the student's code:
//
//   random_pauses  nothing, a yield or a short sleep, at random (Hettinger's
//                  fuzz). The default. Seeded by RACELAB_SEED, so a run's
//                  pauses can be replayed.
//   take_turns     the thread is held until another thread has reached a
//                  hook after it (or no other thread can run: hold.hpp). The
//                  steps of different threads between two hooks alternate,
//                  so every gap between two steps of one thread is entered by
//                  another thread on every run: a read and its write-back,
//                  the two halves of a record, a copy and its unlock.
//   no_pauses      nothing at all: the hooks only note who called them.
//
// A grader forces a schedule for one test with a ForcedSchedule. Forcing is
// bounded: after `holds` holds, or once the holds have cost `time_budget` in
// all, the hooks go back to random pauses, so a correct program that holds a
// lock across its hooks (every hold then ends only when the census sees the
// other threads blocked) stays fast.
//
// What the judged program may forge: it can set RACELAB_SEED and
// RACELAB_SCHEDULE for itself before the hooks read them. That changes only
// the random pauses of tests that force nothing; the tests that expose a bug
// class force their schedule in the grader's code, whatever the environment.
#pragma once

#include <chrono>
#include <cstdint>

namespace racelab::testing {

enum class Schedule { random_pauses, take_turns, no_pauses };

/// One step of the calling thread at a hook: the hooks call this, and only this.
void hook_step();

/// The seed of this run's random pauses: RACELAB_SEED when it holds a number,
/// else one drawn at start-up.
std::uint64_t seed();

/// True when the seed came from RACELAB_SEED.
bool seed_was_given();

/// The schedule the hooks follow outside any ForcedSchedule: RACELAB_SCHEDULE
/// ("random", the default, or "turns").
Schedule default_schedule();

/// While alive, the hooks follow `schedule`, within the bounds above. One at a
/// time, made by the grader's thread.
class ForcedSchedule {
 public:
  explicit ForcedSchedule(Schedule schedule, long holds = 400,
                          std::chrono::milliseconds time_budget = std::chrono::milliseconds(1000));
  ~ForcedSchedule();
  ForcedSchedule(const ForcedSchedule&) = delete;
  ForcedSchedule& operator=(const ForcedSchedule&) = delete;

  /// How many times a thread was held at a hook, and how many of those holds
  /// ended because another thread reached a hook (the rest ended because no
  /// other thread could run, or on the time limit).
  long holds() const;
  long holds_released_by_another_thread() const;
};

}  // namespace racelab::testing
