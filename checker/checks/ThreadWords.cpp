//===- ThreadWords.cpp ----------------------------------------------------===//
#include "checks/ThreadWords.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

std::string lockName(const LockFact &L) { return "'" + L.Mutex.spelling() + "'"; }

bool ThreadWords::sameCode(unsigned X, unsigned Y) const {
  const ContextInfo &CX = A.context(X), &CY = A.context(Y);
  return CX.K == ContextInfo::Thread && CY.K == ContextInfo::Thread && CX.Function == CY.Function;
}

std::string ThreadWords::who(unsigned Context, unsigned State, const clang::FunctionDecl *Function,
                             bool Another) const {
  const ContextInfo &C = A.context(Context);
  if (C.K == ContextInfo::Root) {
    std::string Who = "the thread running " + quotedStarter(C.Function);
    const FlowState &S = A.state(State);
    if (!S.Running.empty())
      Who += " while the thread running " + A.context(S.Running.front()).Name + " runs";
    return Who;
  }
  std::string Who = (Another ? "another thread running " : "the thread running ") + C.Name;
  if (Function && Function != C.Function && Function->getIdentifier())
    Who += " (in " + quoted(Function) + ")";
  return Who;
}

llvm::SmallVector<LockFact, 2> ThreadWords::sharedLocks(unsigned Context, unsigned State) const {
  llvm::SmallVector<LockFact, 2> Out;
  bool Thread = A.context(Context).K == ContextInfo::Thread;
  for (const LockFact &L : A.state(State).Locks)
    if (L.Must && (!Thread || !L.Mutex.Owned) && L.Kind != LockKind::File)
      Out.push_back(L);
  return Out;
}

llvm::SmallVector<LockFact, 2> ThreadWords::ownLocks(unsigned Context, unsigned State) const {
  llvm::SmallVector<LockFact, 2> Out;
  if (A.context(Context).K != ContextInfo::Thread)
    return Out;
  for (const LockFact &L : A.state(State).Locks)
    if (L.Must && L.Mutex.Owned)
      Out.push_back(L);
  return Out;
}

std::string ThreadWords::lockNames(llvm::ArrayRef<LockFact> Locks) {
  std::string Out;
  for (const LockFact &L : Locks) {
    if (!Out.empty())
      Out += ", ";
    Out += lockName(L);
  }
  return Out;
}

std::string ThreadWords::holding(unsigned Context, unsigned State) const {
  auto Shared = sharedLocks(Context, State);
  if (!Shared.empty())
    return "holding " + lockNames(Shared);
  auto Own = ownLocks(Context, State);
  if (!Own.empty())
    return "holding only its own " + lockNames(Own);
  return "with no lock held";
}

void ThreadWords::addStartNote(Diagnostic &D, unsigned Context, llvm::StringRef Doing) const {
  const ContextInfo &C = A.context(Context);
  if (C.K != ContextInfo::Thread)
    return;
  if (C.StartedInLoop && C.MultiInstance) {
    D.Notes.push_back(note(C.SpawnLoc, C.Name + " is started here inside a loop, so several threads " +
                                           Doing.str() + " at the same time"));
    return;
  }
  // Another start of the same code in the same starter.
  for (unsigned I = 0; I < A.Contexts.size(); ++I) {
    const ContextInfo &O = A.Contexts[I];
    if (I != Context && O.K == ContextInfo::Thread && O.RootId == C.RootId && O.Function == C.Function &&
        O.SpawnExpr != C.SpawnExpr) {
      clang::SourceLocation Again =
          SM.isBeforeInTranslationUnit(O.SpawnLoc, C.SpawnLoc) ? C.SpawnLoc : O.SpawnLoc;
      D.Notes.push_back(note(Again, C.Name + " is started again here, so several threads " +
                                        Doing.str() + " at the same time"));
      return;
    }
  }
  if (C.MultiInstance)
    D.Notes.push_back(note(C.SpawnLoc, C.Name + " is started here by code that several threads run, "
                                                "so several threads " + Doing.str() +
                                                " at the same time"));
}

void ThreadWords::addWindowNote(Diagnostic &D, unsigned Context, unsigned State,
                                llvm::StringRef Doing) const {
  const ContextInfo &C = A.context(Context);
  const FlowState &S = A.state(State);
  if (C.K != ContextInfo::Root || S.Running.empty())
    return;
  const ContextInfo &T = A.context(S.Running.front());
  std::string Message =
      T.JoinLoc.isValid()
          ? T.Name + " is started here and " + Doing.str() + " at the same time as " +
                quotedStarter(C.Function) + " until it is joined on line " +
                std::to_string(line(T.JoinLoc)) +
                "; only accesses before the start or after the join are safe without a lock"
          : T.Name + " is started here and never joined in " + quotedStarter(C.Function) +
                ": it " + Doing.str() + " at the same time as all the code that follows";
  D.Notes.push_back(note(T.SpawnLoc, Message));
}

void ThreadWords::addOwnLockNotes(Diagnostic &D, llvm::ArrayRef<LockFact> Own) const {
  for (const LockFact &L : Own) {
    const clang::NamedDecl *M = L.Mutex.namedDecl();
    if (!M)
      continue;
    D.Notes.push_back(note(M->getLocation(),
                           lockName(L) + " is declared inside the thread's own code: every thread "
                                         "creates and locks its own mutex, so no thread ever waits "
                                         "for another; declare one mutex shared by all threads"));
  }
}

} // namespace racelab
