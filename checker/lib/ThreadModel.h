//===- ThreadModel.h - which code runs on which threads -------------------===//
//
// The thread model of one translation unit: every place a thread is started
// (std::thread, std::jthread, emplace into a container of threads,
// std::async, pthread_create, and Boost.Asio work handed to a thread_pool:
// post/dispatch/defer/co_spawn on the pool, its executor or a strand over it),
// the code the thread runs first (its entry: a function, a member function, a
// lambda or a coroutine), and whether several instances of that entry can run
// at once (started in a loop, or from several places).
//
// The model says nothing about data; LockSetAnalysis walks each entry.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_THREADMODEL_H
#define RACELAB_CHECKER_LIB_THREADMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace racelab {

/// One place a thread is started, seen from the function that starts it: the
/// stretch of that function's own code that runs while the thread runs.
///
/// The window opens at the start (or at the outermost loop around it, whose
/// next iterations run while the thread runs) and closes at the first join of
/// that thread after it (or at the outermost loop around the join). With no
/// join found (detach(), a std::jthread or future left to its destructor), it
/// closes at the end of the function.
struct SpawnWindow {
  /// The function (or lambda call operator) whose code starts the thread.
  const clang::FunctionDecl *Function = nullptr;
  /// The lambda, when Function is one (for its captures).
  const clang::LambdaExpr *Lambda = nullptr;
  clang::SourceLocation Spawn; ///< the start itself
  clang::SourceLocation Start; ///< the window opens here
  clang::SourceLocation End;   ///< and closes here; invalid: the end of Function
  clang::SourceLocation Join;  ///< the join call, if one was found
};

/// One piece of code that starts a thread, and every place it is started from.
struct ThreadEntry {
  /// What the thread runs: a function, a member function, or a lambda's
  /// call operator. Always has a body.
  const clang::FunctionDecl *Function = nullptr;
  /// The lambda, when the entry is one (for its captures).
  const clang::LambdaExpr *Lambda = nullptr;
  /// Readable name: "'worker'" or "the lambda at line 12".
  std::string Name;
  /// Where it is started (in source order); the first is the main one.
  std::vector<clang::SourceLocation> SpawnSites;
  /// The same starts, seen from the code that starts them (same order).
  std::vector<SpawnWindow> Windows;
  /// A spawn site is inside a loop.
  bool SpawnedInLoop = false;
  /// Parameters of Function that refer to a variable of the starting function
  /// (std::ref(x) passed to the thread): accesses through them reach that variable.
  llvm::DenseMap<const clang::ParmVarDecl *, const clang::VarDecl *> RefParams;
  /// Whether `this` inside the entry is the object that started the thread
  /// (a member function started with `this`, a lambda capturing `this`).
  bool ThisIsShared = false;
  /// Per spawn site (same order): the boost::asio::strand variable the work was
  /// handed to, or null (a plain pool, its executor, a temporary strand).
  std::vector<const clang::ValueDecl *> SpawnStrands;

  /// The strand every start of this entry goes through, if there is one: work
  /// on one strand never runs concurrently, as if it held one mutex.
  const clang::ValueDecl *strand() const {
    if (SpawnStrands.empty() || SpawnStrands.size() != SpawnSites.size())
      return nullptr;
    for (const clang::ValueDecl *S : SpawnStrands)
      if (S != SpawnStrands.front())
        return nullptr;
    return SpawnStrands.front();
  }

  /// Can two threads run this entry at the same time?
  bool multiInstance() const { return SpawnedInLoop || SpawnSites.size() > 1; }
};

/// The threads started in one translation unit.
class ThreadModel {
public:
  /// Finds every thread started in the main file and the non-system headers.
  static ThreadModel build(clang::ASTContext &Ctx);

  const std::vector<ThreadEntry> &entries() const { return Entries; }

  /// Is \p E the call or construction that starts a thread? (Its lambda
  /// argument runs on the new thread, not here.)
  bool isSpawn(const clang::Expr *E) const { return SpawnExprs.count(E) != 0; }

  /// The functions that start threads and are not themselves thread code:
  /// their own accesses between a start and the join run alongside the thread.
  std::vector<const SpawnWindow *> spawningFunctions() const;

  /// The start of entry \p EntryIndex made by spawning code (not by a
  /// thread), or null.
  const SpawnWindow *spawnerWindow(unsigned EntryIndex) const;

  /// The entries that run while the code of \p F (a spawning function) at
  /// \p Loc runs: those started before Loc in F and not joined yet.
  llvm::SmallVector<unsigned, 2> runningAt(const clang::FunctionDecl *F, clang::SourceLocation Loc,
                                           const clang::SourceManager &SM) const;

  /// Can entries \p A and \p B (A != B) run at the same time? Yes, unless
  /// every start of each is joined in the function that starts it, those
  /// functions are not thread code themselves, and, when it is the same
  /// function, no start-to-join stretch of one overlaps one of the other
  /// (the first is joined before the second starts).
  bool mayOverlap(unsigned A, unsigned B) const;

private:
  friend class SpawnCollector;
  std::vector<ThreadEntry> Entries;
  llvm::SmallPtrSet<const clang::Expr *, 16> SpawnExprs;
  /// The entries and every function they call in the translation unit.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 16> ThreadCode;
  const clang::SourceManager *Sources = nullptr;
};

/// Is \p D declared in a system header (the standard library, Boost…)? The
/// collectors skip those declarations: students' code is what is analysed,
/// and skipping keeps the analysis small next to the parse.
bool isSystemDecl(const clang::ASTContext &Ctx, const clang::Decl *D);

/// Is \p T (or the element type of an array of it) a class from namespace std
/// whose name is in \p Names?
bool isStdClass(clang::QualType T, llvm::ArrayRef<llvm::StringRef> Names);

/// std::mutex and friends: objects you lock.
bool isMutexType(clang::QualType T);
/// std::lock_guard, std::unique_lock, std::scoped_lock, std::shared_lock.
bool isScopedLockType(clang::QualType T);
/// std::atomic<T>, std::atomic_ref<T>, std::atomic_flag, C11 _Atomic.
bool isAtomicType(clang::QualType T);
/// Synchronisation objects that are not data: condition variables, threads,
/// latches, futures… (never reported as shared data).
bool isSyncType(clang::QualType T);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_THREADMODEL_H
