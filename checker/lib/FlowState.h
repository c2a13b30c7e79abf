//===- FlowState.h - what is true at one point of a thread's code --------===//
//
// The dataflow fact set, small and copyable like Clang's Thread Safety
// Analysis keeps it: the locks held (each either on every path here, "must",
// or only on some, "may"), the threads this code started that may still run,
// the synchronisation events it has surely waited for (must: intersected
// where paths meet) and those it may already have signalled (may: united).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_FLOWSTATE_H
#define RACELAB_CHECKER_LIB_FLOWSTATE_H

#include "lib/AccessPath.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace racelab {

/// What kind of thing is held like a lock.
enum class LockKind : uint8_t {
  Mutex,     ///< std::mutex & co, pthread mutexes and rwlocks
  Semaphore, ///< a semaphore that admits one thread (acquire … release)
  SpinFlag,  ///< an atomic_flag / atomic<bool> spinlock
  File,      ///< a C stream locked by flockfile (and by each stdio call)
  Strand,    ///< a Boost.Asio strand: its handlers never run together
  Once,      ///< the body of std::call_once: runs once, alone
};

/// One lock held.
struct LockFact {
  AccessPath Mutex;          ///< the lock's identity
  LockKind Kind = LockKind::Mutex;
  bool Shared = false;       ///< held in shared (reader) mode
  bool Must = true;          ///< held on every path that reaches here
  /// The lock object (std::lock_guard…) whose destructor or unlock()
  /// releases it; null for m.lock() … m.unlock().
  const clang::VarDecl *Scope = nullptr;
  /// The element that acquired it: one critical section. Null when paths
  /// that acquired it in different places meet.
  const void *AcquiredBy = nullptr;
  clang::SourceLocation LockedAt;

  /// Holds \p O's lock in the same way (mutex and lock object).
  bool sameHold(const LockFact &O) const { return Scope == O.Scope && Mutex.sameAs(O.Mutex); }
};

/// Identity of a synchronisation object or event: a declaration (latch,
/// promise, flag variable…) or a thread context (its join).
using SyncKey = const void *;

/// The facts at one program point.
struct FlowState {
  llvm::SmallVector<LockFact, 2> Locks;
  /// Thread contexts started by this code that may still run here.
  llvm::SmallVector<unsigned, 2> Running;
  /// Events this code has waited for on every path here (joined threads,
  /// latches, futures, acquire loads that saw a flag set…).
  llvm::SmallVector<SyncKey, 2> Waited;
  /// Events this code may have signalled already (on some path).
  llvm::SmallVector<SyncKey, 2> Signalled;
  /// Some path reaches this point.
  bool Live = false;

  void addLock(const LockFact &F);
  /// Releases the locks of \p Mutex held by m.lock() (no lock object), or,
  /// if none, any hold of it.
  void releaseManual(const AccessPath &Mutex);
  /// Releases what the lock object \p Scope holds.
  void releaseScope(const clang::VarDecl *Scope);
  const LockFact *findLock(const AccessPath &Mutex) const;
  bool holdsScope(const clang::VarDecl *Scope) const;

  void start(unsigned Thread);
  void stop(unsigned Thread);
  bool runs(unsigned Thread) const;
  void wait(SyncKey K);
  bool waited(SyncKey K) const;
  void signal(SyncKey K);
  bool signalled(SyncKey K) const;

  /// Where two paths meet: locks held on both stay must, on one become may;
  /// running and signalled are united, waited intersected.
  void join(const FlowState &Other);
  bool operator==(const FlowState &O) const;
  bool operator!=(const FlowState &O) const { return !(*this == O); }

  /// The locks held on every path.
  llvm::SmallVector<LockFact, 2> mustLocks() const;
};

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_FLOWSTATE_H
