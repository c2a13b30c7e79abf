//===- EngineSync.cpp - locks, waits, signals, atomics, conditions --------===//
//
// What each synchronising operation does to the facts: taking and releasing
// locks (mutexes, lock objects, semaphores used as locks, spinlocks on an
// atomic_flag or a compare-exchange, flockfile), joining threads, signalling
// and waiting (latches, barriers, promises and futures, semaphores, stop
// tokens, release/acquire atomics, a flag set under a lock and seen set under
// it), std::call_once. Conditional operations (try_lock, a CAS, a flag that
// reads set) act on the edge where the condition says they happened.
//
//===----------------------------------------------------------------------===//
#include "lib/Engine.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

/// std::future_status::ready.
bool isFutureReady(const clang::Expr *E) {
  const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Value = Ref ? llvm::dyn_cast<clang::EnumConstantDecl>(Ref->getDecl()) : nullptr;
  const auto *Enum = Value ? llvm::dyn_cast<clang::EnumDecl>(Value->getDeclContext()) : nullptr;
  return Enum && Value->getName() == "ready" && Enum->getIdentifier() &&
         Enum->getName() == "future_status" && isInStd(Enum);
}

clang::QualType objectType(const clang::Expr *Obj) {
  clang::QualType T = Obj->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getNonReferenceType();
}

bool hasValue(const clang::Expr *E, clang::ASTContext &Ctx, bool Want) {
  bool B = false;
  E = E->IgnoreParenImpCasts();
  return !E->isValueDependent() && E->EvaluateAsBooleanCondition(B, Ctx) && B == Want;
}

/// A constant that means "nothing there": 0, false, nullptr.
bool isEmptyValue(const clang::Expr *E, clang::ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  return E->getType()->isNullPtrType() || hasValue(E, Ctx, false);
}

/// The expression a predicate lambda returns (`[&] { return ready; }`).
const clang::Expr *predicateResult(const clang::Expr *Pred, const ThreadModel &Model) {
  const clang::LambdaExpr *L = nullptr;
  const clang::FunctionDecl *F = resolveCallable(Pred, &Model, &L);
  if (!F || !F->getBody())
    return nullptr;
  const clang::Stmt *Body = F->getBody();
  if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(Body); C && C->size() == 1)
    Body = C->body_front();
  if (const auto *R = llvm::dyn_cast<clang::ReturnStmt>(Body))
    return R->getRetValue();
  return nullptr;
}

const clang::Expr *pointerArgument(llvm::ArrayRef<const clang::Expr *> Args, unsigned I) {
  return I < Args.size() ? Args[I] : nullptr;
}

} // namespace

std::optional<int64_t> Engine::semaphoreCount(const AccessPath &P) const {
  const clang::Expr *Init = nullptr;
  if (const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(P.namedDecl()))
    Init = V->getInit();
  else if (const auto *F = llvm::dyn_cast_or_null<clang::FieldDecl>(P.namedDecl()))
    Init = F->getInClassInitializer();
  const auto *C = Init ? llvm::dyn_cast<clang::CXXConstructExpr>(Init->IgnoreImplicit()) : nullptr;
  clang::Expr::EvalResult R;
  if (!C || C->getNumArgs() == 0 || C->getArg(0)->isValueDependent() ||
      !C->getArg(0)->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

llvm::SmallVector<AccessPath, 2> Engine::mutexesOfLockObject(const clang::Expr *E,
                                                             const clang::VarDecl **Scope) {
  *Scope = nullptr;
  if (isMutexType(objectType(E)))
    return {resolvePath(E)};
  AccessPath P = resolvePath(E);
  const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(P.Decl);
  if (!V || !P.Steps.empty())
    return {};
  *Scope = V;
  llvm::SmallVector<AccessPath, 2> Out;
  if (const auto *C = V->getInit() ? llvm::dyn_cast<clang::CXXConstructExpr>(
                                         stripTemporaries(V->getInit())->IgnoreImplicit())
                                   : nullptr)
    for (const clang::Expr *Arg : C->arguments())
      if (isMutexType(Arg->getType()))
        Out.push_back(resolvePath(Arg));
  return Out;
}

bool Engine::transferSyncCall(const clang::CallExpr *E, const clang::FunctionDecl *F,
                              const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                              FlowState &St) {
  if (!F->getIdentifier() && !llvm::isa<clang::CXXMethodDecl>(F))
    return false;
  std::string Name = F->getNameAsString();
  clang::SourceLocation Loc = E->getExprLoc();
  if (!Obj) {
    const clang::Expr *A0 = pointerArgument(Args, 0);
    if (Name == "pthread_mutex_lock" || Name == "pthread_rwlock_wrlock" || Name == "pthread_spin_lock" ||
        Name == "pthread_rwlock_rdlock") {
      if (A0)
        acquire(resolvePointee(A0), LockKind::Mutex, Name == "pthread_rwlock_rdlock", nullptr, E,
                Loc, St, Name);
      return true;
    }
    if (Name == "pthread_mutex_unlock" || Name == "pthread_rwlock_unlock" ||
        Name == "pthread_spin_unlock") {
      if (A0)
        St.releaseManual(resolvePointee(A0));
      return true;
    }
    if (llvm::StringRef(Name).contains("trylock"))
      return true; // on the edge where it succeeded
    if (Name == "pthread_join") {
      if (A0)
        joinHandle(handleOf(A0), Loc, St);
      return true;
    }
    if (Name == "flockfile" || Name == "funlockfile") {
      if (auto Stream = A0 ? streamOf(A0) : std::nullopt) {
        AccessPath P;
        P.Kind = AccessPath::Root::Stream;
        P.StreamId = Stream->first == "stderr" ? 2 : 1;
        if (Name == "flockfile")
          acquire(P, LockKind::File, false, nullptr, E, Loc, St, Name);
        else
          St.releaseManual(P);
      }
      return true;
    }
    if (Name == "sem_wait" || Name == "sem_post") {
      if (A0) {
        SyncKey K = syncKey(resolvePointee(A0));
        Name == "sem_post" ? St.signal(K) : St.wait(K);
      }
      return true;
    }
    if (isInStd(F) && Name == "lock" && Args.size() >= 2) {
      for (const clang::Expr *A : Args)
        acquire(resolvePath(A), LockKind::Mutex, false, nullptr, E, Loc, St, "std::lock");
      return true;
    }
    if (isInStd(F) && Name == "call_once" && Args.size() >= 2) {
      // The callable runs at most once, alone; whoever returns from
      // call_once on that flag sees what it did.
      AccessPath Flag = resolvePath(Args[0]);
      LockFact Once;
      Once.Mutex = Flag;
      Once.Kind = LockKind::Once;
      Once.AcquiredBy = E;
      Once.LockedAt = Loc;
      FlowState Inside = St;
      SyncKey Done = syncKey(Flag);
      // The body runs before call_once completes anywhere, even when this
      // code calls it again in a loop.
      llvm::erase_if(Inside.Signalled, [&](SyncKey K) { return K == Done; });
      if (Flag.valid())
        Inside.addLock(Once);
      inlineCallable(E, Args[1], Args.drop_front(2), Inside);
      if (Flag.valid())
        Inside.releaseManual(Flag);
      St = Inside;
      St.signal(Done);
      St.wait(Done);
      return true;
    }
    return false;
  }

  clang::QualType T = objectType(Obj);
  if (isMutexType(T)) {
    AccessPath M = Obj->getType()->isPointerType() ? resolvePointee(Obj) : resolvePath(Obj);
    if (Name == "lock" || Name == "lock_shared")
      acquire(M, LockKind::Mutex, Name == "lock_shared", nullptr, E, Loc, St,
              plainClassName(T) + "::" + Name);
    else if (Name == "unlock" || Name == "unlock_shared")
      St.releaseManual(M);
    return true; // try_lock…: on the edge
  }
  if (isScopedLockType(T)) {
    const clang::VarDecl *Scope = nullptr;
    llvm::SmallVector<AccessPath, 2> Mutexes = mutexesOfLockObject(Obj, &Scope);
    if (!Scope)
      return true;
    if (auto It = frame().UserLocks.find(Scope); It != frame().UserLocks.end() &&
                                                 (Name == "lock" || Name == "unlock")) {
      // unique_lock<SpinLock>: its lock() and unlock() call the user's.
      // The class's type as its members see it (getTypeForDecl() is gone in LLVM 22).
      clang::QualType Class = It->second.first->getThisType()->getPointeeType();
      const clang::CXXMethodDecl *Method =
          Name == "lock" ? lockableMethod(Class, "lock")
                         : It->second.first;
      inlineCall(E, Method, nullptr, {}, It->second.second, St);
      return true;
    }
    if (Name == "unlock") {
      St.releaseScope(Scope);
    } else if (Name == "lock") {
      for (const AccessPath &M : Mutexes)
        acquire(M, LockKind::Mutex, isStdClass(T, {"shared_lock"}), Scope, E, Loc, St,
                plainClassName(T) + "::lock");
    } else if (Name == "release") {
      for (LockFact &L : St.Locks)
        if (L.Scope == Scope)
          L.Scope = nullptr; // the mutex stays locked, by nobody's lock object
    }
    return true;
  }
  if (isSemaphoreType(T)) {
    // Starting at 1 (or unknown), acquire … release is a lock; starting at 0,
    // release signals and acquire waits for it; more lets several in at once.
    AccessPath S = resolvePath(Obj);
    std::optional<int64_t> Count = semaphoreCount(S);
    if (Name == "acquire") {
      if (!Count || *Count == 1)
        acquire(S, LockKind::Semaphore, false, nullptr, E, Loc, St, "std::counting_semaphore::acquire");
      else if (*Count == 0)
        St.wait(syncKey(S));
    } else if (Name == "release") {
      if (St.findLock(S))
        St.releaseManual(S);
      if (Count && *Count == 0)
        St.signal(syncKey(S));
    }
    return true;
  }
  if (isStdClass(T, {"condition_variable", "condition_variable_any"})) {
    if (llvm::StringRef(Name).starts_with("wait") && !Args.empty())
      transferCondWait(E, Name, Args, St);
    return true;
  }
  if (isStdClass(T, {"latch", "barrier"})) {
    SyncKey K = syncKey(Obj);
    if (Name == "count_down" || Name == "arrive" || Name == "arrive_and_drop" ||
        Name == "arrive_and_wait")
      St.signal(K);
    if (Name == "wait" || Name == "arrive_and_wait")
      St.wait(K);
    return true;
  }
  if (isStdClass(T, {"promise"})) {
    if (llvm::StringRef(Name).starts_with("set_"))
      St.signal(syncKey(Obj));
    return true;
  }
  if (isStdClass(T, {"packaged_task"})) {
    if (F->getOverloadedOperator() == clang::OO_Call || Name == "make_ready_at_thread_exit") {
      inlineCallable(E, Obj, Args, St);
      St.signal(syncKey(Obj));
    }
    return true;
  }
  if (isFutureType(T)) {
    if (Name == "get" || Name == "wait") {
      joinHandle(handleOf(Obj), Loc, St); // std::async's future
      St.wait(syncKey(Obj));
    }
    return true;
  }
  if (isThreadType(T)) {
    if (Name == "join")
      joinHandle(handleOf(Obj), Loc, St);
    else if (Name == "request_stop")
      St.signal(handleOf(Obj));
    return true;
  }
  if (isStdClass(T, {"stop_source"})) {
    if (Name == "request_stop")
      St.signal(syncKey(Obj));
    return true;
  }
  if (plainClassName(T) == "boost::asio::thread_pool") {
    if (Name == "join" || Name == "wait")
      joinHandle(handleOf(Obj), Loc, St);
    return true;
  }
  return false;
}

bool Engine::transferAtomic(const clang::CallExpr *E, const clang::CXXMethodDecl *MD,
                            const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                            FlowState &St) {
  AtomicOp Op = AtomicOp::None;
  std::string Name = MD->getNameAsString();
  if (llvm::isa<clang::CXXConversionDecl>(MD))
    Op = AtomicOp::Load;
  else if (MD->getOverloadedOperator() == clang::OO_Equal)
    Op = AtomicOp::Store;
  else if (!MD->getIdentifier())
    Op = AtomicOp::ReadModifyWrite; // ++, --, +=…
  else if (Name == "load" || Name == "test")
    Op = AtomicOp::Load;
  else if (Name == "store")
    Op = AtomicOp::Store;
  else if (llvm::StringRef(Name).starts_with("fetch_") || Name == "exchange" ||
           llvm::StringRef(Name).starts_with("compare_exchange") || Name == "test_and_set" ||
           Name == "clear")
    Op = AtomicOp::ReadModifyWrite;
  if (Op == AtomicOp::None)
    return Name == "wait" || Name == "notify_one" || Name == "notify_all";

  int OrderArg = Name == "load" || Name == "test" || Name == "test_and_set" || Name == "clear" ? 0
                 : llvm::StringRef(Name).starts_with("compare_exchange")                      ? 2
                 : Name == "store" || Name == "exchange" || llvm::StringRef(Name).starts_with("fetch_")
                     ? 1
                     : -1;
  MemoryOrder Order = OrderArg >= 0 && static_cast<unsigned>(OrderArg) < Args.size()
                          ? memoryOrderOf(Args[OrderArg])
                          : MemoryOrder::SeqCst;
  Binding Via;
  AccessPath P = Obj->getType()->isPointerType() ? resolvePointee(Obj, &Via) : resolvePath(Obj);
  clang::QualType T = objectType(Obj);
  recordPath(P, T, E->getExprLoc(), Op == AtomicOp::Load ? AccessKind::Read : AccessKind::Write, Op,
             Via, St);
  if (Op == AtomicOp::Load || !P.valid())
    return true; // a load synchronises on the edge that sees the value
  const LockFact *Spin = St.findLock(P);
  bool Releases = Name == "clear" || (Op == AtomicOp::Store && !Args.empty() &&
                                      isEmptyValue(Args[0], Ctx));
  if (Spin && Spin->Kind == LockKind::SpinFlag && Releases)
    St.releaseManual(P); // the spinlock is let go
  if (Op == AtomicOp::Store && !Args.empty())
    checkWriteBack(P, Args[0], Obj->getExprLoc(), true, St, E);
  if (releases(Order))
    St.signal(syncKey(P));
  return true;
}

void Engine::transferCondWait(const clang::CallExpr *E, llvm::StringRef Name,
                              llvm::ArrayRef<const clang::Expr *> Args, FlowState &St) {
  const clang::VarDecl *Scope = nullptr;
  llvm::SmallVector<AccessPath, 2> Mutexes = mutexesOfLockObject(Args[0], &Scope);
  // The lock object's mutexes as they are held now (through a lock parameter).
  if (Scope)
    for (const LockFact &L : St.Locks)
      if (L.Scope == Scope && llvm::none_of(Mutexes, [&](const AccessPath &M) { return M.sameAs(L.Mutex); }))
        Mutexes.push_back(L.Mutex);
  for (const AccessPath &M : Mutexes)
    if (!St.findLock(M)) {
      LockFact F;
      F.Mutex = M;
      F.Scope = Scope;
      F.AcquiredBy = E;
      F.LockedAt = E->getExprLoc();
      St.addLock(F); // waiting requires the lock: it is held around the wait
    }
  // The predicate runs with the mutex held, before waiting and after each wake-up.
  const clang::Expr *Pred = nullptr;
  if ((Name == "wait" && Args.size() == 2) || Args.size() == 3)
    Pred = Args.back();
  if (Pred)
    inlineCallable(E, Pred, {}, St);
  // While it waits the mutex is free; it is locked again, a new critical
  // section, when the wait returns.
  for (LockFact &L : St.Locks)
    if (llvm::any_of(Mutexes, [&](const AccessPath &M) { return M.sameAs(L.Mutex); })) {
      L.AcquiredBy = E;
      L.Must = true;
    }
  if (Pred && Name == "wait")
    if (const clang::Expr *Result = predicateResult(Pred, Model))
      applyCondition(Result, true, /*WaitsOnly=*/true, St, 0);
}

void Engine::applyCondition(const clang::Expr *C, bool Outcome, bool WaitsOnly, FlowState &S,
                            int Depth) {
  if (!C || Depth > 8)
    return;
  C = C->IgnoreParenImpCasts();
  if (const auto *Cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(C))
    C = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(C); U && U->getOpcode() == clang::UO_LNot) {
    applyCondition(U->getSubExpr(), !Outcome, WaitsOnly, S, Depth + 1);
    return;
  }
  if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(C)) {
    const clang::Expr *L = B->getLHS(), *R = B->getRHS();
    switch (B->getOpcode()) {
    case clang::BO_LAnd:
      if (Outcome) {
        applyCondition(L, true, WaitsOnly, S, Depth + 1);
        applyCondition(R, true, WaitsOnly, S, Depth + 1);
      }
      return;
    case clang::BO_LOr:
      // false: both false; true: one of them, unknown which — only the
      // flags it may have seen count (generous to the waiter).
      applyCondition(L, Outcome, WaitsOnly || Outcome, S, Depth + 1);
      applyCondition(R, Outcome, WaitsOnly || Outcome, S, Depth + 1);
      return;
    case clang::BO_EQ:
    case clang::BO_NE: {
      bool Eq = B->getOpcode() == clang::BO_EQ;
      // f.wait_for(t) == std::future_status::ready: the future is ready.
      for (auto [Side, Value] : {std::pair(L, R), std::pair(R, L)})
        if (isFutureReady(Value)) {
          if (Outcome == Eq)
            applyConditionLeaf(Side->IgnoreParenImpCasts(), true, WaitsOnly, S);
          return;
        }
      if (isEmptyValue(R, Ctx) || isEmptyValue(L, Ctx)) {
        applyCondition(isEmptyValue(R, Ctx) ? L : R, Eq ? !Outcome : Outcome, WaitsOnly, S, Depth + 1);
        return;
      }
      if (hasValue(R, Ctx, true) || hasValue(L, Ctx, true)) {
        applyCondition(hasValue(R, Ctx, true) ? L : R, Eq ? Outcome : !Outcome, WaitsOnly, S,
                       Depth + 1);
        return;
      }
      if (Outcome == Eq) {
        // f.wait_for(t) == std::future_status::ready, count == n: a value seen.
        applyCondition(L, true, true, S, Depth + 1);
        applyCondition(R, true, true, S, Depth + 1);
      }
      return;
    }
    default:
      if (B->isRelationalOp()) {
        // count < n, done >= workers: whichever way, the value was seen.
        applyCondition(L, true, true, S, Depth + 1);
        applyCondition(R, true, true, S, Depth + 1);
      }
      return;
    }
  }
  applyConditionLeaf(C, Outcome, WaitsOnly, S);
}

void Engine::applyConditionLeaf(const clang::Expr *C, bool Outcome, bool WaitsOnly, FlowState &S) {
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(C)) {
    // bool locked = m.try_lock(); if (locked) …
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
        V && V->isLocalVarDecl() && V->getInit() && V->getType()->isBooleanType() &&
        !infoFor(frame().Function)->Modified.count(V)) {
      applyCondition(V->getInit(), Outcome, WaitsOnly, S, 1);
      return;
    }
  }
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(C)) {
    const clang::CXXMethodDecl *MD = M->getMethodDecl();
    const clang::Expr *Obj = M->getImplicitObjectArgument();
    if (!MD || !Obj)
      return;
    std::string Name = MD->getNameAsString();
    bool Conversion = llvm::isa<clang::CXXConversionDecl>(MD);
    clang::QualType T = objectType(Obj);
    llvm::ArrayRef<const clang::Expr *> Args(M->getArgs(), M->getNumArgs());
    clang::SourceLocation Loc = M->getExprLoc();
    if (isMutexType(T) && llvm::StringRef(Name).starts_with("try_lock")) {
      if (Outcome && !WaitsOnly)
        acquire(Obj->getType()->isPointerType() ? resolvePointee(Obj) : resolvePath(Obj),
                LockKind::Mutex, llvm::StringRef(Name).contains("shared"), nullptr, M, Loc, S, Name);
      return;
    }
    if (isScopedLockType(T) && (llvm::StringRef(Name).starts_with("try_lock") || Name == "owns_lock" ||
                                Conversion)) {
      const clang::VarDecl *Scope = nullptr;
      llvm::SmallVector<AccessPath, 2> Mutexes = mutexesOfLockObject(Obj, &Scope);
      if (Outcome && !WaitsOnly && Scope && !S.holdsScope(Scope))
        for (const AccessPath &P : Mutexes)
          acquire(P, LockKind::Mutex, isStdClass(T, {"shared_lock"}), Scope, M, Loc, S, Name);
      return;
    }
    if (isSemaphoreType(T) && llvm::StringRef(Name).starts_with("try_acquire")) {
      if (Outcome && !WaitsOnly) {
        AccessPath P = resolvePath(Obj);
        std::optional<int64_t> Count = semaphoreCount(P);
        if (!Count || *Count == 1)
          acquire(P, LockKind::Semaphore, false, nullptr, M, Loc, S, Name);
        else if (*Count == 0)
          S.wait(syncKey(P));
      }
      return;
    }
    if (isAtomicType(T)) {
      Binding Via;
      AccessPath P = Obj->getType()->isPointerType() ? resolvePointee(Obj, &Via) : resolvePath(Obj);
      if (!P.valid())
        return;
      int OrderArg = Name == "load" || Name == "test" || Name == "test_and_set" ? 0
                     : llvm::StringRef(Name).starts_with("compare_exchange") ? 2
                     : Name == "exchange"                                     ? 1
                                                                              : -1;
      MemoryOrder Order = OrderArg >= 0 && static_cast<unsigned>(OrderArg) < Args.size()
                              ? memoryOrderOf(Args[OrderArg])
                              : MemoryOrder::SeqCst;
      // A spinlock: test_and_set / exchange(true) that returned false, a
      // compare-exchange that set true: this thread owns the flag now.
      bool Took = (Name == "test_and_set" && !Outcome) ||
                  (Name == "exchange" && !Outcome && !Args.empty() && hasValue(Args[0], Ctx, true)) ||
                  (llvm::StringRef(Name).starts_with("compare_exchange") && Outcome &&
                   Args.size() >= 2 && hasValue(Args[1], Ctx, true));
      // Taken with a relaxed order, the flag is exclusive but orders nothing:
      // what the critical section does is not kept apart from the next one.
      if (Took && !WaitsOnly && acquires(Order))
        acquire(P, LockKind::SpinFlag, false, nullptr, M, Loc, S, "spinlock");
      bool Observed = Outcome && (Name == "load" || Name == "test" || Conversion ||
                                  llvm::StringRef(Name).starts_with("compare_exchange"));
      if ((Observed || Took) && acquires(Order))
        S.wait(syncKey(P));
      return;
    }
    if (isStdClass(T, {"stop_token", "stop_source"}) && Name == "stop_requested") {
      if (Outcome)
        S.wait(syncKey(Obj));
      return;
    }
    if (isStdClass(T, {"latch"}) && Name == "try_wait") {
      if (Outcome)
        S.wait(syncKey(Obj));
      return;
    }
    if (isStdClass(T, {"condition_variable", "condition_variable_any"}) && Args.size() == 3 &&
        Outcome) {
      if (const clang::Expr *Result = predicateResult(Args.back(), Model))
        applyCondition(Result, true, true, S, 1);
      return;
    }
    if (isFutureType(T) && (Name == "wait_for" || Name == "wait_until")) {
      if (Outcome)
        S.wait(syncKey(Obj));
      return;
    }
    // A shared container read under a lock: `!queue.empty()` seen true
    // means something was put there (under that lock) before.
    if ((Name == "empty" || Name == "size") && !S.mustLocks().empty() && !isSyncType(T)) {
      AccessPath P = resolvePath(Obj);
      if (P.valid() && !P.Owned && (Name == "size" || !Outcome))
        S.wait(syncKey(P));
      return;
    }
    return;
  }
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(C)) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    if (F && F->getIdentifier() && F->getName().contains("trylock") && Call->getNumArgs() >= 1) {
      // pthread_*_trylock returns 0 when it took the lock.
      if (!Outcome && !WaitsOnly)
        acquire(resolvePointee(Call->getArg(0)), LockKind::Mutex, F->getName().contains("rdlock"),
                nullptr, Call, Call->getExprLoc(), S, F->getName());
    }
    return;
  }
  // A plain flag read while a lock is held: seen set (true, non-zero, non-
  // null), it was set under that lock, and what was written before is visible.
  if (llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(C) && Outcome && !S.mustLocks().empty()) {
    AccessPath P = resolvePath(C);
    if (P.valid() && !P.Owned)
      S.wait(syncKey(P));
  }
}

} // namespace racelab
