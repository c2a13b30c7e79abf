//===- Concurrency.cpp ----------------------------------------------------===//
#include "lib/Concurrency.h"

#include "llvm/ADT/STLExtras.h"

namespace racelab {

Concurrency::Concurrency(const Analysis &A) : A(A) {}

int Concurrency::childToward(unsigned Ancestor, unsigned C) const {
  int Cur = static_cast<int>(C);
  for (int Guard = 0; Cur >= 0 && Guard < 64; ++Guard) {
    int Parent = A.Contexts[Cur].Parent;
    if (Parent == static_cast<int>(Ancestor))
      return Cur;
    Cur = Parent;
  }
  return -1;
}

bool Concurrency::ordered(const EventPoint &Before, const EventPoint &After) const {
  const FlowState &SB = A.state(Before.State);
  const FlowState &SA = A.state(After.State);
  // Joined: everything the thread (or a thread that ran it) did is done.
  for (int C = static_cast<int>(Before.Context); C >= 0; C = A.Contexts[C].Parent) {
    if (A.Contexts[C].K != ContextInfo::Thread)
      break;
    if (SA.waited(joinKey(C)))
      return true;
  }
  // Made fresh and published: whoever reaches it through the atomic got it
  // from that store (earlier stores published other memory).
  if (Before.MadeFor && Before.MadeFor == After.PublishedBy)
    return true;
  // Signalled after Before, waited for before After.
  for (SyncKey K : A.Contexts[Before.Context].SignalsAny)
    if (!SB.signalled(K) && (SA.waited(K) || After.PublishedBy == K))
      return true;
  return false;
}

bool Concurrency::mayRunTogether(const EventPoint &X, const EventPoint &Y,
                                 bool &DistinctIterations) const {
  DistinctIterations = false;
  const ContextInfo &CX = A.Contexts[X.Context], &CY = A.Contexts[Y.Context];
  if (CX.RootId != CY.RootId)
    return CX.K == ContextInfo::Thread && CY.K == ContextInfo::Thread && CX.Escapes && CY.Escapes &&
           CX.SpawnExpr != CY.SpawnExpr;
  if (ordered(X, Y) || ordered(Y, X))
    return false;
  if (X.Context == Y.Context) {
    DistinctIterations = true;
    return CX.K == ContextInfo::Thread && CX.MultiInstance;
  }
  // One started the other (directly or through threads of its own).
  if (int Child = childToward(Y.Context, X.Context); Child >= 0) {
    DistinctIterations = true;
    return A.state(Y.State).runs(Child);
  }
  if (int Child = childToward(X.Context, Y.Context); Child >= 0) {
    DistinctIterations = true;
    return A.state(X.State).runs(Child);
  }
  // Threads of one root: find the two starts under their common starter.
  llvm::SmallVector<unsigned, 8> PathX;
  for (int C = X.Context; C >= 0; C = A.Contexts[C].Parent)
    PathX.push_back(C);
  int TY = Y.Context;
  for (int Guard = 0; TY >= 0 && Guard < 64; ++Guard) {
    int Parent = A.Contexts[TY].Parent;
    if (Parent < 0)
      break;
    if (auto It = llvm::find(PathX, static_cast<unsigned>(Parent)); It != PathX.end()) {
      // PathX's element just before the common ancestor.
      unsigned TX = It == PathX.begin() ? X.Context : *(It - 1);
      const ContextInfo &IX = A.Contexts[TX], &IY = A.Contexts[TY];
      return llvm::is_contained(IX.RunningAtStart, static_cast<unsigned>(TY)) ||
             llvm::is_contained(IY.RunningAtStart, TX);
    }
    TY = Parent;
  }
  return true;
}

bool Concurrency::excluded(const llvm::SmallVectorImpl<LockFact> &X, unsigned XContext,
                           const llvm::SmallVectorImpl<LockFact> &Y, unsigned YContext,
                           const LockFact **ReaderOnly) const {
  *ReaderOnly = nullptr;
  (void)XContext;
  (void)YContext;
  for (const LockFact &LX : X)
    for (const LockFact &LY : Y) {
      if (!LX.Mutex.sameAs(LY.Mutex))
        continue;
      // Each thread declared its own: none ever waits for another.
      if (LX.Mutex.Owned && LY.Mutex.Owned)
        continue;
      if (LX.Shared && LY.Shared) {
        if (!*ReaderOnly)
          *ReaderOnly = &LX;
        continue;
      }
      return true;
    }
  return false;
}

} // namespace racelab
