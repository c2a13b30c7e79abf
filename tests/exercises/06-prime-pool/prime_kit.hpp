// The grader's side of racelab::is_prime(): it records where the checking ran
// — on the calling thread, on other threads, in child processes — and how
// many checks ran at the same moment, so the grader can tell work done in
// parallel from work done on one thread, or one worker after another.
//
// So that a parallel program is seen to be parallel however slowly its
// workers start, the first check made by each thread or child process waits
// (tests/util/hooks/hold.hpp) until another check is running too, or until
// nothing else can run: then the program is checking one number at a time
// (one worker, a lock held around is_prime(), a worker waited for before the
// next starts, a result awaited before the next check begins).
#pragma once

#include <thread>

namespace racelab::testing {

struct WhereChecked {
  long on_caller = 0;    ///< is_prime() calls on the watched thread, in this process
  long elsewhere = 0;    ///< calls on any other thread of this process
  long in_children = 0;  ///< calls in child processes
  int threads = 0;       ///< threads of this process other than the watched one that made calls
  int children = 0;      ///< child processes that made calls
  int most_at_once = 0;  ///< the most calls running at the same moment, in all processes
};

/// Starts counting afresh, with `caller` as the watched thread. Call it before
/// any child process is started: the records live in memory that child
/// processes share with this one.
void watch_checks_from(std::thread::id caller);

/// What was counted since watch_checks_from().
WhereChecked checks_seen();

}  // namespace racelab::testing
