// Holding a thread at a hook until something happens elsewhere.
//
// A bug that lives between two steps of one thread (a read and its
// write-back, the two halves of a record, a copy made after an unlock) shows
// only if another thread acts in that gap. A random pause makes that likely;
// holding the thread there until another thread has acted makes it certain.
// hold_until() is that hold. It ends:
//   - when the condition the caller gives becomes true (another thread did
//     what was waited for), or
//   - when no other thread of the process can run: each is blocked (behind a
//     lock the held thread owns, in a join, a condition wait, a full pipe…)
//     or held here too. On a correct program this is how a hold ends, at
//     once, whatever the load on the machine (see thread_census.hpp), or
//   - after `limit`, for the cases the census cannot see (a thread spinning
//     on an atomic, no /proc): a bound on the cost, never the verdict.
//
// A thread that makes a held thread's condition true calls
// wake_held_threads() right after: until the held thread notices (it polls),
// it counts as able to run, so that the waker's own hold does not mistake it
// for one still waiting and end too early.
//
// The hold adds no synchronisation between threads: it polls relaxed atomics
// and sleeps with raw system calls, so ThreadSanitizer sees no ordering that
// the student's program did not make itself.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <type_traits>

namespace racelab::testing {

/// Why a hold ended.
enum class HoldEnd {
  released,  ///< the condition became true
  alone,     ///< no other thread could run: nothing would ever make it true
  limit,     ///< the time limit passed first
};

/// Whose turn the census looks at: the other threads of this process, or, for
/// a child process that waits for a sibling, its parent and siblings.
enum class Among { threads, related_processes };

namespace detail {
using Condition = bool (*)(const void* state);
HoldEnd hold_until(Condition condition, const void* state, std::chrono::microseconds limit, Among among);
}  // namespace detail

/// Holds the calling thread until `condition()` is true, nobody else (among
/// `among`) can run, or `limit` has passed (see above). `condition` must only
/// read atomics.
template <class Condition>
HoldEnd hold_until(const Condition& condition, std::chrono::microseconds limit, Among among = Among::threads) {
  static_assert(std::is_invocable_r_v<bool, const Condition&>);
  return detail::hold_until(
      [](const void* state) { return (*static_cast<const Condition*>(state))(); }, &condition, limit, among);
}

/// Tells the census that every thread held now may have been let go (see above).
void wake_held_threads();

/// True while thread `tid` is held by hold_until() and has not been woken since.
bool is_waiting_in_hold(pid_t tid);

}  // namespace racelab::testing
