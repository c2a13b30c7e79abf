// The work log: which threads reached the kit's hooks, how often, and whether
// they were alive at the same time.
//
// An exercise about threads is only done when threads did the work. A program
// that computes the answer on the calling thread, or starts a worker, waits
// for it, then starts the next, gives the right answer and races with nothing:
// no judge that looks for wrong answers or races can tell. The hooks (fuzz()
// and its kind) are called where the work happens, so they can: every call
// notes its thread here, and a grader opens a WorkLog around the student's
// function and asks how many threads other than its own did work, and whether
// two of them ever existed at the same time.
//
// "At the same time" is about threads, not about steps: workers that take
// turns behind one mutex still run concurrently (one of them may even do all
// its steps before the next gets the lock). Two threads overlap when one of
// them reached a hook before the other ended, or was alive when the other
// ended (seen in /proc/self/task). A worker started only after the previous
// one was joined overlaps with nobody.
//
// Every record is a relaxed atomic: the log orders nothing between threads.
#pragma once

#include <cstdint>

#include <sys/types.h>

namespace racelab::testing {

/// Notes one hook call of the calling thread. The hooks call it; graders do not.
void note_step();

/// What the hooks saw while a WorkLog was open.
struct WorkSummary {
  int threads = 0;            ///< threads other than the log's own that reached a hook
  long steps = 0;             ///< hook calls those threads made
  long steps_on_caller = 0;   ///< hook calls made by the thread that opened the log
  bool overlapped = false;    ///< two of those threads were alive at the same time
  int threads_ended = 0;      ///< of those threads, how many have ended
};

/// A window on the hooks: from its construction on, summary() tells which
/// threads reached them. One log at a time: a new one replaces the last.
class WorkLog {
 public:
  WorkLog();
  WorkLog(const WorkLog&) = delete;
  WorkLog& operator=(const WorkLog&) = delete;

  /// Everything noted since the log opened.
  WorkSummary summary() const;

 private:
  std::uint64_t epoch_;
  pid_t opener_;
};

}  // namespace racelab::testing
