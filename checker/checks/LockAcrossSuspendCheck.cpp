//===- LockAcrossSuspendCheck.cpp -----------------------------------------===//
//
// Words the engine's locks held where a coroutine suspends (lib/Analysis.h):
// held on every path or only on some, by a lock object or by lock().
//
//===----------------------------------------------------------------------===//
#include "checks/LockAcrossSuspendCheck.h"

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace racelab {

std::string LockAcrossSuspendCheck::summary() const {
  return "A mutex still locked where a coroutine suspends (co_await, co_yield) blocks or "
         "deadlocks whatever else needs it, and may be unlocked on another thread";
}

void LockAcrossSuspendCheck::check(const TranslationUnitContext &TU) {
  const clang::SourceManager &SM = TU.Ctx.getSourceManager();
  const auto &All = TU.Findings.LocksAcrossSuspend;
  for (size_t I = 0; I < All.size(); ++I) {
    const SuspendEvent &S = *All[I].Suspend;
    const LockFact &L = All[I].Lock;
    // std::scoped_lock of several mutexes: one finding for the lock object.
    unsigned More = 0;
    while (I + 1 < All.size() && All[I + 1].Suspend == &S && L.Scope && All[I + 1].Lock.Scope == L.Scope) {
      ++More;
      ++I;
    }
    const char *Keyword = S.Yield ? "co_yield" : "co_await";
    std::string Mutex = "'" + L.Mutex.spelling() + "'";
    if (More)
      Mutex += " (and " + std::to_string(More) + " more)";
    std::string By = L.Scope ? "by '" + L.Scope->getNameAsString() + "'"
                             : "by " + L.Mutex.spelling() +
                                   (L.Kind == LockKind::Semaphore ? ".acquire()"
                                    : L.Kind == LockKind::File    ? " (flockfile)"
                                                                  : ".lock()");
    Diagnostic D;
    D.Check = name();
    D.Message = Mutex + " is still locked (" + By + ")" + (L.Must ? "" : " on some paths") +
                " when the coroutine suspends at this " + Keyword +
                ": whatever else locks it meanwhile waits until the coroutine resumes (on the "
                "same event loop: a deadlock), and the coroutine may resume on another thread, "
                "which must not unlock it";
    // A lock object locks where it is declared; lock() where it is called.
    const auto *By_ = static_cast<const clang::Stmt *>(L.AcquiredBy);
    clang::SourceLocation LockedAt =
        L.Scope && llvm::isa_and_nonnull<clang::DeclStmt>(By_) ? L.Scope->getLocation() : L.LockedAt;
    D.Notes.push_back(Note{DiagnosticSink::resolve(SM, LockedAt),
                           Mutex + " is locked here" +
                               (L.Scope ? ", and stays locked until '" + L.Scope->getNameAsString() +
                                              "' goes out of scope"
                                        : std::string(", and not unlocked before the ") + Keyword)});
    D.Notes.push_back(Note{DiagnosticSink::resolve(SM, S.Loc),
                           std::string("to fix: end the lock's scope before the ") + Keyword +
                               " (put the critical section in a { } block of its own) or unlock() "
                               "first; to keep others out across a suspension, use a strand or an "
                               "asynchronous lock",
                           false});
    TU.Sink.report(SM, S.Loc, std::move(D));
  }
}

} // namespace racelab
