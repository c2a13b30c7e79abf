// The grader's side of racelab::is_prime(): it counts where the checking ran,
// so the grader can tell work done on the calling thread (the event loop's,
// or the parent process's) from work done elsewhere.
#pragma once

#include <thread>

namespace racelab::testing {

struct WhereChecked {
  long on_caller = 0;  // is_prime() calls on the watched thread, in this process
  long elsewhere = 0;  // calls on any other thread of this process
};

/// Starts counting afresh, with `caller` as the watched thread.
void watch_checks_from(std::thread::id caller);

/// What was counted since watch_checks_from(). Calls made in a child process
/// are counted in the child's own memory, so the parent never sees them.
WhereChecked checks_seen();

}  // namespace racelab::testing
