//===- Concurrency.h - can two events happen at the same time? ------------===//
//
// Two events recorded by the engine (each in a context, with the facts that
// held there) can run at the same time unless something orders them:
//
//  - program order: the same context (unless several copies of it run);
//  - thread start and join: a starter's events before the start or after the
//    join (on that path) are ordered with the thread's; two threads of one
//    starter overlap only if one was started while the other ran;
//  - happens-before through synchronisation: an event before its context
//    signals K (a latch count-down, a promise set, a release store, a flag
//    set under a lock…) is ordered before an event after a wait on K;
//  - mutual exclusion is not ordering: locks are checked apart (FlowState).
//
// Threads of different roots (functions that start threads, taken as called
// one after the other) overlap only if both outlive their root.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_CONCURRENCY_H
#define RACELAB_CHECKER_LIB_CONCURRENCY_H

#include "lib/Analysis.h"

namespace racelab {

/// An event as the relation sees it: where it runs and what held there.
struct EventPoint {
  unsigned Context = 0;
  unsigned State = 0;
  /// Reached through a pointer loaded with acquire from this atomic.
  SyncKey PublishedBy = nullptr;
  /// Made fresh, then published with release through this atomic.
  SyncKey MadeFor = nullptr;
};

class Concurrency {
public:
  explicit Concurrency(const Analysis &A);

  /// Can \p X and \p Y run at the same time? \p DistinctIterations is set
  /// when they belong to different iterations of a loop that starts threads
  /// (two copies of one thread, or a starter and its thread).
  bool mayRunTogether(const EventPoint &X, const EventPoint &Y, bool &DistinctIterations) const;

  /// Is there a lock both hold that keeps them apart (exclusive for one at
  /// least, not one each thread has its own copy of)? Sets \p ReaderOnly to
  /// a lock both hold only for reading, if that is all they share.
  bool excluded(const llvm::SmallVectorImpl<LockFact> &X, unsigned XContext,
                const llvm::SmallVectorImpl<LockFact> &Y, unsigned YContext,
                const LockFact **ReaderOnly) const;

  /// The thread started by \p Ancestor on the way to \p C, or -1 if
  /// \p Ancestor did not start \p C (directly or through its threads).
  int childToward(unsigned Ancestor, unsigned C) const;

private:
  bool ordered(const EventPoint &Before, const EventPoint &After) const;
  const Analysis &A;
};

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_CONCURRENCY_H
