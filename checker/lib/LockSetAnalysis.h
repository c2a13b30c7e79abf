//===- LockSetAnalysis.h - who touches what, holding which locks ----------===//
//
// Walks the code each thread entry runs (and the functions and lambdas it
// calls in the translation unit, inlined with the caller's locks) and records
// every access to data that other threads can reach, with the set of mutexes
// held at that point.
//
// The lockset is scope-based: std::lock_guard / std::unique_lock /
// std::scoped_lock / std::shared_lock hold their mutexes until the end of the
// enclosing block (or until unique_lock::unlock()), m.lock() … m.unlock()
// brackets in between; after an if/switch/loop only the locks held on every
// path remain (intersection, as in Clang's Thread Safety Analysis).
//
// Analysis only: reporting is the checks' business.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_LOCKSETANALYSIS_H
#define RACELAB_CHECKER_LIB_LOCKSETANALYSIS_H

#include "lib/ThreadModel.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <vector>

namespace racelab {

/// A mutex held by the thread.
struct HeldLock {
  /// The mutex's declaration: its identity (a variable or a data member).
  const clang::ValueDecl *Mutex = nullptr;
  /// Declared inside the thread's own code (a local of the entry or of what
  /// it calls): every thread has its own, so it excludes no other thread.
  bool InstanceLocal = false;
  /// Where it was locked.
  clang::SourceLocation LockedAt;
  /// Held in shared (reader) mode: std::shared_lock, lock_shared(). It keeps
  /// writers out but lets other readers in, so two accesses that both hold it
  /// this way are not excluded from each other.
  bool ReadOnly = false;
};

/// The set of mutexes held at one point: small, copyable, ordered by insertion.
class LockSet {
public:
  void add(const HeldLock &L);
  void remove(const clang::ValueDecl *Mutex);
  bool contains(const clang::ValueDecl *Mutex) const;
  /// The hold on \p Mutex, or null.
  const HeldLock *find(const clang::ValueDecl *Mutex) const;
  /// Only the locks held in both.
  LockSet intersect(const LockSet &Other) const;
  /// Locks that can exclude another thread (not instance-local).
  llvm::SmallVector<HeldLock, 2> sharedLocks() const;
  /// Instance-local locks (each thread has its own: they exclude nothing).
  llvm::SmallVector<HeldLock, 2> localLocks() const;
  /// Is one mutex shared by the threads held in both, and exclusively by at
  /// least one of them?
  bool sharesLockWith(const LockSet &Other) const;
  /// Locks shared by the threads but held only for reading (shared mode).
  llvm::SmallVector<HeldLock, 2> readOnlyLocks() const;
  bool empty() const { return Locks.empty(); }
  llvm::ArrayRef<HeldLock> locks() const { return Locks; }

private:
  llvm::SmallVector<HeldLock, 2> Locks;
};

enum class AccessKind {
  Read,  ///< the value is read, or a const member function is called
  Write, ///< assigned, incremented, a non-const member function is called, bound to T&
};

enum class AtomicOp {
  None,            ///< not an atomic operation
  Load,            ///< load(), implicit conversion
  Store,           ///< store(), operator=
  ReadModifyWrite, ///< fetch_add, ++, exchange, compare_exchange…: one indivisible step
};

/// One access, by one thread entry, to data other threads can reach.
struct Access {
  const clang::ValueDecl *Var = nullptr; ///< a variable or a data member
  clang::SourceLocation Loc;
  AccessKind Kind = AccessKind::Read;
  AtomicOp Op = AtomicOp::None;
  bool IsAtomic = false;            ///< Var has an atomic type, or this access goes through an atomic member
  LockSet Held;                     ///< the locks held there
  unsigned Entry = 0;               ///< index into ThreadModel::entries()
  const clang::FunctionDecl *Function = nullptr; ///< the function it is written in
  /// Made by a function that starts threads, between a start and the join,
  /// not by thread code (then Entry is the first of Running).
  bool Spawner = false;
  /// For a spawner's access: the entries running at that point.
  llvm::SmallVector<unsigned, 2> Running;
};

/// An atomic variable stored with a value computed from an earlier load of
/// itself: two atomic steps where one was needed.
struct SplitAtomicUpdate {
  const clang::ValueDecl *Var = nullptr;
  clang::SourceLocation StoreLoc;
  clang::SourceLocation LoadLoc;
  LockSet Held;
  unsigned Entry = 0;
};

/// One record written to an output stream other threads also write to: one
/// statement that writes (a `<<` chain, a printf…), or adjacent statements of
/// one block writing to the same stream. Writes to a local stream (a
/// std::ostringstream of the thread's own) and to a std::osyncstream variable
/// are not output: they reach the shared stream later, in one piece.
struct OutputRecord {
  /// Which stream: "stdout" (std::cout, printf, puts…), "stderr" (std::cerr,
  /// std::clog, fprintf(stderr…)), or the shared stream variable's declaration.
  std::string Stream;
  /// The stream as the code names it: "std::cout", "stdout", "'log'".
  std::string StreamName;
  clang::SourceLocation Loc;        ///< the first statement
  clang::SourceLocation LastLoc;    ///< the last statement
  unsigned Parts = 1;               ///< separate writes to the stream
  LockSet Held;                     ///< the locks held across every part
  unsigned Entry = 0;               ///< as in Access
  bool Spawner = false;             ///< as in Access
  llvm::SmallVector<unsigned, 2> Running; ///< as in Access
  const clang::FunctionDecl *Function = nullptr; ///< the function it is written in
};

/// Everything the threads of one translation unit do to shared data.
struct ThreadAccesses {
  std::vector<Access> Accesses;
  std::vector<SplitAtomicUpdate> SplitUpdates;
  std::vector<OutputRecord> Output;
};

/// Walks every entry of \p Model, and every function that starts threads
/// (its code between a start and the join).
ThreadAccesses analyseThreadAccesses(clang::ASTContext &Ctx, const ThreadModel &Model);

/// Can two accesses (or records) \p A and \p B happen at the same time? Two
/// threads: if they are different entries, or one entry started several times.
/// A spawner and a thread: if the thread runs at that point of the spawner.
/// Two spawner accesses: never (one thread, in program order).
template <typename X, typename Y>
bool mayRunTogether(const ThreadModel &Model, const X &A, const Y &B) {
  if (A.Spawner && B.Spawner)
    return false;
  if (A.Spawner)
    return llvm::is_contained(A.Running, B.Entry);
  if (B.Spawner)
    return llvm::is_contained(B.Running, A.Entry);
  return A.Entry == B.Entry ? Model.entries()[A.Entry].multiInstance()
                            : Model.mayOverlap(A.Entry, B.Entry);
}

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_LOCKSETANALYSIS_H
