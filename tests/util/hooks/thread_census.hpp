// The thread census: which threads of this process exist, and which of them
// could run right now, as the kernel sees them (/proc/self/task on Linux).
//
// The kit's schedules hold a thread at a hook "until another thread has done
// something, or until no other thread can": a thread that waits for a lock, a
// condition variable, a join or a full pipe is asleep in the kernel, and the
// census sees it. That is what makes a forced schedule end by itself on a
// correct program (the other threads are blocked behind the held one) and
// never depend on a clock or on how busy the machine is: a thread the system
// keeps waiting for a processor is still "runnable".
//
// Everything here goes through raw system calls, never through the C
// library's open/read: ThreadSanitizer intercepts those and models file
// descriptors as synchronisation, which could order the student's threads and
// hide their races. No allocation, no lock.
#pragma once

#include <sys/types.h>

#include <cstddef>

namespace racelab::testing {

/// The kernel's id of the calling thread (gettid), cached per thread.
pid_t this_thread_tid();

/// What the census could tell about the other threads.
enum class Census {
  some_can_run,  ///< at least one other thread (not ignored) is running or ready to run
  none_can_run,  ///< every other thread (not ignored) is asleep, stopped or gone
  unknown,       ///< /proc/self/task could not be read (no /proc): nothing is known
};

/// How the census treats one thread, as the caller sees it.
enum class Regard {
  by_state,  ///< as the kernel reports it
  skip,      ///< leave it out (a thread the caller holds, waiting like itself)
  runnable,  ///< count it as able to run, whatever its state (a held thread that was just let go)
};

/// The caller's view of the threads; nullptr regards every thread by its state.
using RegardThread = Regard (*)(pid_t tid);

/// Looks at every thread of the process except the caller, as `regard` says.
/// By its state, a thread can run when the kernel reports R (running or
/// runnable) or D (a short uninterruptible wait, such as a page fault): both
/// go on without anybody's help.
Census census_of_other_threads(RegardThread regard);

/// The same for the processes related to this one: its parent and the
/// parent's other children (/proc/<parent>/task/<parent>/children), each
/// by its state. For a child process that waits for a sibling (exercise 6's
/// processes), as census_of_other_threads is for a thread.
Census census_of_related_processes();

/// Writes the ids of the threads alive now (the caller included) to `tids`,
/// at most `capacity` of them, and returns how many it wrote; 0 without /proc.
std::size_t threads_alive(pid_t* tids, std::size_t capacity);

}  // namespace racelab::testing
