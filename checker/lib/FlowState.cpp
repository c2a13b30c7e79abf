//===- FlowState.cpp ------------------------------------------------------===//
#include "lib/FlowState.h"

#include "llvm/ADT/STLExtras.h"

namespace racelab {

void FlowState::addLock(const LockFact &F) {
  for (LockFact &L : Locks)
    if (L.sameHold(F)) {
      L = F; // locked again: a new critical section
      return;
    }
  Locks.push_back(F);
}

void FlowState::releaseManual(const AccessPath &Mutex) {
  auto Manual = [&](const LockFact &L) { return !L.Scope && L.Mutex.sameAs(Mutex); };
  if (llvm::any_of(Locks, Manual)) {
    llvm::erase_if(Locks, Manual);
    return;
  }
  // lk.release() handed the mutex over, or a lock taken elsewhere: unlock
  // whatever holds it.
  llvm::erase_if(Locks, [&](const LockFact &L) { return L.Mutex.sameAs(Mutex); });
}

void FlowState::releaseScope(const clang::VarDecl *Scope) {
  llvm::erase_if(Locks, [&](const LockFact &L) { return L.Scope == Scope; });
}

const LockFact *FlowState::findLock(const AccessPath &Mutex) const {
  for (const LockFact &L : Locks)
    if (L.Mutex.sameAs(Mutex))
      return &L;
  return nullptr;
}

bool FlowState::holdsScope(const clang::VarDecl *Scope) const {
  return llvm::any_of(Locks, [&](const LockFact &L) { return L.Scope == Scope; });
}

void FlowState::start(unsigned Thread) {
  if (!runs(Thread))
    Running.push_back(Thread);
}
void FlowState::stop(unsigned Thread) {
  llvm::erase_if(Running, [&](unsigned T) { return T == Thread; });
}
bool FlowState::runs(unsigned Thread) const { return llvm::is_contained(Running, Thread); }

void FlowState::wait(SyncKey K) {
  if (K && !waited(K))
    Waited.push_back(K);
}
bool FlowState::waited(SyncKey K) const { return llvm::is_contained(Waited, K); }
void FlowState::signal(SyncKey K) {
  if (K && !signalled(K))
    Signalled.push_back(K);
}
bool FlowState::signalled(SyncKey K) const { return llvm::is_contained(Signalled, K); }

void FlowState::join(const FlowState &Other) {
  if (!Other.Live)
    return;
  if (!Live) {
    *this = Other;
    return;
  }
  llvm::SmallVector<LockFact, 2> Merged;
  for (const LockFact &L : Locks) {
    LockFact M = L;
    auto It = llvm::find_if(Other.Locks, [&](const LockFact &O) { return O.sameHold(L); });
    if (It == Other.Locks.end()) {
      M.Must = false;
    } else {
      M.Must = L.Must && It->Must;
      M.Shared = L.Shared || It->Shared; // only the weaker hold is sure
      if (It->AcquiredBy != L.AcquiredBy)
        M.AcquiredBy = nullptr;
    }
    Merged.push_back(M);
  }
  for (const LockFact &O : Other.Locks)
    if (llvm::none_of(Locks, [&](const LockFact &L) { return L.sameHold(O); })) {
      LockFact M = O;
      M.Must = false;
      Merged.push_back(M);
    }
  Locks = std::move(Merged);
  for (unsigned T : Other.Running)
    start(T);
  llvm::erase_if(Waited, [&](SyncKey K) { return !Other.waited(K); });
  for (SyncKey K : Other.Signalled)
    signal(K);
}

bool FlowState::operator==(const FlowState &O) const {
  if (Live != O.Live || Locks.size() != O.Locks.size() || Running.size() != O.Running.size() ||
      Waited.size() != O.Waited.size() || Signalled.size() != O.Signalled.size())
    return false;
  for (const LockFact &L : Locks) {
    auto It = llvm::find_if(O.Locks, [&](const LockFact &M) { return M.sameHold(L); });
    if (It == O.Locks.end() || It->Must != L.Must || It->Shared != L.Shared ||
        It->AcquiredBy != L.AcquiredBy)
      return false;
  }
  return llvm::all_of(Running, [&](unsigned T) { return O.runs(T); }) &&
         llvm::all_of(Waited, [&](SyncKey K) { return O.waited(K); }) &&
         llvm::all_of(Signalled, [&](SyncKey K) { return O.signalled(K); });
}

llvm::SmallVector<LockFact, 2> FlowState::mustLocks() const {
  llvm::SmallVector<LockFact, 2> Out;
  for (const LockFact &L : Locks)
    if (L.Must)
      Out.push_back(L);
  return Out;
}

} // namespace racelab
