//===- CoroutineFindings.cpp - blocking calls and locks across suspends ----===//
//
// A coroutine that runs on an event loop (not handed to a thread pool) blocks
// the loop when it, or a function it calls, waits: sleeps, joins, waits for a
// future or a condition, does synchronous I/O, loops without suspending.
// Taking a lock waits only if the critical section is long (something in it
// blocks, or it spans a co_await) or contended (the same mutex is held
// elsewhere across something that blocks): a short critical section released
// before the next co_await is not a blocking call.
//
//===----------------------------------------------------------------------===//
#include "lib/Findings.h"

#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

bool onEventLoop(const Analysis &A, unsigned Context) {
  const ContextInfo &C = A.Contexts[Context];
  return C.K == ContextInfo::Root && C.Coroutine && !C.Offloaded;
}

/// Does the state hold the critical section \p Acquisition of \p Mutex?
bool holdsSection(const FlowState &S, const AccessPath &Mutex, const void *Acquisition) {
  return llvm::any_of(S.Locks, [&](const LockFact &L) {
    return L.Mutex.sameAs(Mutex) && L.AcquiredBy == Acquisition;
  });
}

} // namespace

void findCoroutineFindings(Analysis &A, const clang::SourceManager &SM) {
  (void)SM;
  for (const BlockingEvent &E : A.Blocking) {
    if (!onEventLoop(A, E.Context))
      continue;
    BlockingFinding F;
    F.Event = &E;
    if (E.Kind != BlockingKind::Lock) {
      A.BlockingCalls.push_back(F);
      continue;
    }
    // Long: something inside this critical section blocks.
    for (const BlockingEvent &In : A.Blocking)
      if (&In != &E && In.Context == E.Context && In.Kind != BlockingKind::Lock &&
          holdsSection(A.state(In.State), E.Mutex, E.Acquisition)) {
        F.Inside = &In;
        break;
      }
    bool AcrossSuspend = llvm::any_of(A.Suspends, [&](const SuspendEvent &S) {
      return S.Context == E.Context && holdsSection(A.state(S.State), E.Mutex, E.Acquisition);
    });
    // Contended: the same mutex is held elsewhere across something that blocks.
    if (!F.Inside)
      for (const BlockingEvent &Other : A.Blocking)
        if (Other.Kind != BlockingKind::Lock &&
            llvm::any_of(A.state(Other.State).Locks, [&](const LockFact &L) {
              return L.Mutex.sameAs(E.Mutex) && L.AcquiredBy != E.Acquisition;
            })) {
          F.Elsewhere = &Other;
          break;
        }
    if (F.Inside || F.Elsewhere || AcrossSuspend)
      A.BlockingCalls.push_back(F);
  }

  for (const SuspendEvent &S : A.Suspends)
    for (const LockFact &L : A.state(S.State).Locks)
      if (L.Kind != LockKind::Strand && L.Kind != LockKind::Once)
        A.LocksAcrossSuspend.push_back({&S, L});
}

} // namespace racelab
