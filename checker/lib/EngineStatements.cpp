//===- EngineStatements.cpp - one CFG element -----------------------------===//
#include "lib/Blocking.h"
#include "lib/Engine.h"
#include "lib/OutputStatements.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

/// std::move(x) / std::forward(x) → x.
const clang::Expr *movedFrom(const clang::Expr *E) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(stripTemporaries(E));
  if (!Call || Call->getNumArgs() != 1 || !Call->getDirectCallee() ||
      !Call->getDirectCallee()->getIdentifier() || !isInStd(Call->getDirectCallee()) ||
      (Call->getDirectCallee()->getName() != "move" && Call->getDirectCallee()->getName() != "forward"))
    return nullptr;
  return Call->getArg(0);
}

const clang::CXXConstructExpr *constructOf(const clang::Expr *Init) {
  if (!Init)
    return nullptr;
  const clang::Expr *E = Init->IgnoreImplicit()->IgnoreParens();
  if (const auto *C = llvm::dyn_cast<clang::ExprWithCleanups>(E))
    E = C->getSubExpr()->IgnoreImplicit()->IgnoreParens();
  return llvm::dyn_cast<clang::CXXConstructExpr>(E);
}

/// The atomic whose value \p E loads (x.load(), the conversion of x), or null.
const clang::Expr *loadedAtomic(const clang::Expr *E) {
  const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  if (!M || !M->getMethodDecl() || !M->getImplicitObjectArgument() ||
      !isAtomicType(M->getImplicitObjectArgument()->getType()))
    return nullptr;
  const clang::CXXMethodDecl *MD = M->getMethodDecl();
  if (llvm::isa<clang::CXXConversionDecl>(MD) ||
      (MD->getIdentifier() && (MD->getName() == "load" || MD->getName() == "test")))
    return M->getImplicitObjectArgument();
  return nullptr;
}

} // namespace

const clang::CXXMethodDecl *Engine::lockableMethod(clang::QualType T, llvm::StringRef Name) const {
  const clang::CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition() || SM.isInSystemHeader(R->getLocation()))
    return nullptr;
  for (const clang::CXXMethodDecl *M : R->methods())
    if (M->getIdentifier() && M->getName() == Name && M->getNumParams() == 0 && M->hasBody())
      return M;
  return nullptr;
}

void Engine::transferStmt(const clang::Stmt *S, FlowState &St) {
  if (!St.Live)
    return;
  if (infoFor(frame().Function)->Positions.count(S))
    statementLevel(S, St);

  if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(S)) {
    for (const clang::Decl *D : DS->decls())
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(D))
        transferDecl(V, DS, St);
    return;
  }
  if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(S)) {
    if (Cast->getCastKind() == clang::CK_LValueToRValue)
      record(Cast->getSubExpr(), AccessKind::Read, AtomicOp::None, St);
    return;
  }
  if (const auto *Cast = llvm::dyn_cast<clang::CStyleCastExpr>(S)) {
    // (void)x: the code means to use the value, as a read.
    if (Cast->getCastKind() == clang::CK_ToVoid && Cast->getSubExpr()->isGLValue())
      record(Cast->getSubExpr(), AccessKind::Read, AtomicOp::None, St);
    return;
  }
  if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(S)) {
    if (B->getOpcode() == clang::BO_Assign)
      transferAssign(B->getLHS(), B->getRHS(), B, St);
    else if (B->isCompoundAssignmentOp())
      record(B->getLHS(), AccessKind::Write, AtomicOp::None, St);
    if (B->isAssignmentOp())
      lockedWrite(B->getLHS(), St);
    return;
  }
  if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(S)) {
    if (U->isIncrementDecrementOp()) {
      record(U->getSubExpr(), AccessKind::Write, AtomicOp::None, St);
      lockedWrite(U->getSubExpr(), St);
    }
    return;
  }
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S)) {
    transferCall(Call, St);
    return;
  }
  if (const auto *Construct = llvm::dyn_cast<clang::CXXConstructExpr>(S)) {
    transferConstruct(Construct, St);
    return;
  }
  if (const auto *Suspend = llvm::dyn_cast<clang::CoroutineSuspendExpr>(S)) {
    onSuspend(Suspend, St);
    return;
  }
  if (const auto *Return = llvm::dyn_cast<clang::ReturnStmt>(S)) {
    if (Return->getRetValue() && frame().Function->getReturnType()->isReferenceType()) {
      frame().Returned = resolvePath(Return->getRetValue());
      frame().ReturnedLocked |= !St.mustLocks().empty();
    }
    return;
  }
  if (const auto *L = llvm::dyn_cast<clang::LambdaExpr>(S)) {
    SeenLambdas[L->getLambdaClass()] = L;
    return;
  }
}

void Engine::transferDecl(const clang::VarDecl *V, const clang::Stmt *DeclStmt, FlowState &St) {
  clang::QualType T = V->getType();
  const clang::Expr *Init = V->getInit();
  if (isScopedLockType(T)) {
    if (const clang::CXXConstructExpr *E = constructOf(Init))
      transferScopedLock(V, E, DeclStmt, St);
    return;
  }
  if (!Init)
    return;
  if (T->isReferenceType()) {
    AccessPath P = resolvePath(Init);
    // `for (auto &slot : results)` starting a thread per slot: each slot is
    // an element of its own.
    for (const clang::Stmt *Loop : infoFor(frame().Function)->SpawnLoops)
      if (const auto *Range = llvm::dyn_cast<clang::CXXForRangeStmt>(Loop);
          Range && Range->getLoopVariable() == V && P.valid() && !P.Steps.empty() &&
          P.Steps.back().K == PathStep::Element) {
        P.Steps.back().Index.K = IndexInfo::PerIteration;
        P.Steps.back().Index.Loop = Loop;
      }
    if (P.valid()) {
      Binding B;
      B.Path = P;
      frame().Vars[V] = B;
    }
    return;
  }
  clang::QualType N = T.getNonReferenceType();
  // std::atomic_ref<T> r(x): r is x, accessed atomically.
  if (isStdClass(N, {"atomic_ref"})) {
    if (const clang::CXXConstructExpr *C = constructOf(Init); C && C->getNumArgs() == 1) {
      Binding B;
      B.Path = resolvePath(C->getArg(0));
      if (B.Path.valid())
        frame().Vars[V] = B;
    }
    return;
  }
  // A future from a promise or task, a stop token from its source: waiting
  // on one waits for the other.
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(stripTemporaries(Init)))
    if (const clang::CXXMethodDecl *MD = M->getMethodDecl(); MD && MD->getIdentifier() &&
        (MD->getName() == "get_future" || MD->getName() == "get_token" ||
         MD->getName() == "get_stop_token")) {
      if (SyncKey K = syncKey(M->getImplicitObjectArgument()))
        SyncAliases[V] = K;
      return;
    }
  if (N->isPointerType() || isPointerLikeClass(N) || isIteratorType(N)) {
    Binding B;
    B.K = Binding::PointsTo;
    B.Path = resolvePointee(Init, &B);
    // A pointer this code publishes through an atomic: what it points to is
    // what readers of the atomic reach.
    if (auto It = infoFor(frame().Function)->Published.find(V);
        It != infoFor(frame().Function)->Published.end() && !B.Path.valid()) {
      AccessPath A = resolvePath(It->second.first);
      if (A.valid()) {
        B.Path = A.withDeref();
        if (!releases(It->second.second))
          B.RelaxedVia = llvm::dyn_cast_or_null<clang::ValueDecl>(A.namedDecl());
        // Made here (new T(…), std::make_unique<T>(…)): written before it is published.
        size_t Before = Out.Accesses.size();
        recordPath(B.Path, pointeeType(N), Init->getExprLoc(), AccessKind::Write, AtomicOp::None,
                   B, St);
        if (Out.Accesses.size() > Before) {
          Out.Accesses.back().Name = "*" + V->getNameAsString();
          Out.Accesses.back().Made = true;
          if (releases(It->second.second))
            Out.Accesses.back().MadeFor = syncKey(A);
        }
      }
    }
    if (const clang::Expr *Atomic = loadedAtomic(Init)) {
      // A pointer loaded from an atomic: it points where the publisher's did.
      AccessPath A = resolvePath(Atomic);
      if (A.valid()) {
        B.Path = A.withDeref();
        const auto *Load = llvm::cast<clang::CXXMemberCallExpr>(Init->IgnoreParenImpCasts());
        MemoryOrder O = Load->getNumArgs() > 0 ? memoryOrderOf(Load->getArg(0)) : MemoryOrder::SeqCst;
        if (acquires(O))
          B.PublishedBy = syncKey(A);
        else
          B.RelaxedVia = llvm::dyn_cast_or_null<clang::ValueDecl>(A.namedDecl());
      }
    }
    if (B.Path.valid())
      frame().Vars[V] = B;
    else
      frame().Vars.erase(V);
    return;
  }
  // `for (pthread_t id : ids)`: a copy of a handle still names that thread.
  if (isSyncType(N) || !typedefName(N).empty()) {
    if (llvm::StringRef Name = typedefName(N); Name == "pthread_t") {
      AccessPath P = resolvePath(Init);
      if (P.valid()) {
        Binding B;
        B.Path = P;
        frame().Vars[V] = B;
        return;
      }
    }
  }
  noteLoaded(V, Init, St);
}

void Engine::transferScopedLock(const clang::VarDecl *V, const clang::CXXConstructExpr *E,
                                const clang::Stmt *At, FlowState &St) {
  if (E->getNumArgs() == 0)
    return; // a unique_lock that owns nothing yet
  if (E->getConstructor()->isCopyOrMoveConstructor()) {
    // std::unique_lock b(std::move(a)): b now owns what a owned.
    const clang::Expr *From = movedFrom(E->getArg(0));
    const auto *Ref = From ? llvm::dyn_cast<clang::DeclRefExpr>(From->IgnoreParenImpCasts()) : nullptr;
    const auto *Source = Ref ? llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()) : nullptr;
    for (LockFact &L : St.Locks)
      if (Source && L.Scope == Source)
        L.Scope = V;
    return;
  }
  bool Shared = isStdClass(V->getType(), {"shared_lock"});
  bool Defer = false, Adopt = false, Try = false;
  for (const clang::Expr *Arg : E->arguments()) {
    std::string Tag = plainClassName(Arg->getType());
    Defer |= Tag == "std::defer_lock_t";
    Adopt |= Tag == "std::adopt_lock_t";
    Try |= Tag == "std::try_to_lock_t";
  }
  if (Defer || Try)
    return; // not locked yet (try_to_lock: on the edge where it owns the mutex)
  std::string Name = plainClassName(V->getType());
  for (const clang::Expr *Arg : E->arguments()) {
    if (!isMutexType(Arg->getType())) {
      // A lockable class of the user's (a spin lock with lock()/unlock()):
      // the lock object calls them; what they do is followed.
      if (const clang::CXXMethodDecl *Lock = lockableMethod(Arg->getType(), "lock")) {
        AccessPath Object = resolvePath(Arg);
        if (!Adopt)
          inlineCall(E, Lock, nullptr, {}, Object, St);
        if (const clang::CXXMethodDecl *Unlock = lockableMethod(Arg->getType(), "unlock"))
          frame().UserLocks[V] = {Unlock, Object};
      }
      continue;
    }
    AccessPath M = resolvePath(Arg);
    if (Adopt) {
      // m.lock(); std::lock_guard g(m, std::adopt_lock): g owns it now.
      for (LockFact &L : St.Locks)
        if (!L.Scope && L.Mutex.sameAs(M))
          L.Scope = V;
      continue;
    }
    acquire(M, LockKind::Mutex, Shared, V, At, E->getExprLoc(), St, Name, Arg->getExprLoc());
  }
}

void Engine::transferAssign(const clang::Expr *LHS, const clang::Expr *RHS, const clang::Expr *At,
                            FlowState &St) {
  record(LHS, AccessKind::Write, AtomicOp::None, St);
  const clang::Expr *L = LHS->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(L))
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
        V && !V->hasGlobalStorage() && !V->getType()->isReferenceType()) {
      // A local of this code: a pointer now points elsewhere; a scalar may
      // now hold a value read from shared memory.
      if (V->getType()->isPointerType()) {
        Binding B;
        B.K = Binding::PointsTo;
        B.Path = resolvePointee(RHS, &B);
        if (B.Path.valid())
          frame().Vars[V] = B;
        return;
      }
      if (!frame().Vars.count(V)) {
        noteLoaded(V, RHS, St);
        return;
      }
    }
  AccessPath P = resolvePath(LHS);
  if (P.valid())
    checkWriteBack(P, RHS, LHS->getExprLoc(), false, St);
  (void)At;
}

void Engine::noteLoaded(const clang::VarDecl *Local, const clang::Expr *Value, FlowState &St) {
  frame().Loaded.erase(Local);
  if (!Value || Local->hasGlobalStorage())
    return;
  // The first read of shared memory in Value (a plain read or an atomic
  // load), or a local that already holds one.
  llvm::SmallVector<const clang::Stmt *, 16> Work{Value};
  while (!Work.empty()) {
    const clang::Stmt *S = Work.pop_back_val();
    if (!S || llvm::isa<clang::LambdaExpr>(S))
      continue;
    const auto *E = llvm::dyn_cast<clang::Expr>(S);
    if (E) {
      const clang::Expr *Source = nullptr;
      bool Atomic = false;
      if (const clang::Expr *A = loadedAtomic(E)) {
        Source = A;
        Atomic = true;
      } else if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E);
                 Cast && Cast->getCastKind() == clang::CK_LValueToRValue) {
        Source = Cast->getSubExpr();
        if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Source->IgnoreParenImpCasts()))
          if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
            if (auto It = frame().Loaded.find(V); It != frame().Loaded.end() && V != Local) {
              LoadedValue Copy = It->second;
              frame().Loaded[Local] = Copy;
              return;
            }
      }
      if (Source) {
        AccessPath P = resolvePath(Source);
        if (P.valid() && !P.Owned && tracked(P, Source->getType())) {
          LoadedValue L;
          L.Path = P;
          L.Loc = Source->getExprLoc();
          L.Atomic = Atomic;
          for (const LockFact &F : St.Locks)
            if (F.Must) {
              L.Sections.push_back({F.Mutex, F.AcquiredBy});
              L.SectionLocs.push_back(F.LockedAt);
            }
          frame().Loaded[Local] = L;
          return;
        }
        if (!Atomic)
          continue;
      }
    }
    for (const clang::Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

void Engine::checkWriteBack(const AccessPath &P, const clang::Expr *Value, clang::SourceLocation Loc,
                            bool Atomic, FlowState &St, const clang::Expr *Whole) {
  if (!Emit || !context().IsThread || !Value)
    return;
  llvm::SmallVector<const clang::Stmt *, 16> Work{Value};
  while (!Work.empty()) {
    const clang::Stmt *S = Work.pop_back_val();
    if (!S || llvm::isa<clang::LambdaExpr>(S))
      continue;
    const auto *E = llvm::dyn_cast<clang::Expr>(S);
    const LoadedValue *From = nullptr;
    LoadedValue Direct;
    if (E) {
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts()))
        if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
          if (auto It = frame().Loaded.find(V); It != frame().Loaded.end())
            From = &It->second;
      if (const clang::Expr *A = loadedAtomic(E); A && Atomic) {
        Direct.Path = resolvePath(A); // level = level + 1 on an atomic
        Direct.Loc = A->getExprLoc();
        Direct.Atomic = true;
        From = &Direct;
      }
    }
    if (From && From->Path.sameAs(P)) {
      SplitUpdate U;
      U.Path = P;
      U.ReadLoc = From->Loc;
      U.WriteLoc = Loc;
      U.Context = context().Id;
      U.State = snapshot(St);
      if (Atomic && From->Atomic) {
        U.K = SplitUpdate::AtomicLoadStore;
        U.Store = Whole;
        Out.SplitUpdates.push_back(U);
        return;
      }
      if (Atomic || From->Atomic)
        return;
      // Plain memory read under a lock and written under the same lock taken
      // again: the critical section in between let others in.
      for (unsigned I = 0; I < From->Sections.size(); ++I)
        for (const LockFact &F : St.Locks)
          if (F.Must && F.Mutex.sameAs(From->Sections[I].first)) {
            if (F.AcquiredBy == From->Sections[I].second && F.AcquiredBy)
              return; // one critical section
            U.K = SplitUpdate::SeparateSections;
            U.ReadLockedAt = From->SectionLocs[I];
            U.WriteLockedAt = F.LockedAt;
            Out.SplitUpdates.push_back(U);
            return;
          }
      return;
    }
    for (const clang::Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

void Engine::statementLevel(const clang::Stmt *S, FlowState &St) {
  // out.emit(): what the osyncstream held goes out; what follows is new.
  bool Emits = false;
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(S))
    if (const clang::CXXMethodDecl *MD = M->getMethodDecl(); MD && MD->getIdentifier() &&
        MD->getName() == "emit" && isStdClass(M->getImplicitObjectArgument()->getType(),
                                              {"basic_osyncstream"}))
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(
              M->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl())) {
          ++frame().Emitted[V];
          Emits = true;
        }
  if (!Emit)
    return;
  Context &C = context();
  // A compare-exchange whose result nobody looks at: when it fails, the
  // update is simply dropped.
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(S); M && C.IsThread)
    if (const clang::CXXMethodDecl *MD = M->getMethodDecl();
        MD && MD->getIdentifier() && MD->getName().starts_with("compare_exchange") &&
        M->getImplicitObjectArgument() && isAtomicType(M->getImplicitObjectArgument()->getType())) {
      SplitUpdate U;
      U.K = SplitUpdate::IgnoredExchange;
      U.Path = resolvePath(M->getImplicitObjectArgument());
      U.ReadLoc = U.WriteLoc = M->getExprLoc();
      U.Context = C.Id;
      U.State = snapshot(St);
      if (U.Path.valid())
        Out.SplitUpdates.push_back(U);
    }
  if (!C.IsThread && St.Running.empty())
    return; // a root running alone: its output is not thread output
  auto Pos = infoFor(frame().Function)->Positions.find(S);
  auto Stream = [this](const clang::Expr *E) { return streamOf(E); };
  std::optional<OutputStatement> O = outputStatement(S, Ctx, Stream);
  bool Lock = !O && (Emits || isLockStatement(S)); // a record goes on across these
  if (!O && !Lock)
    return;
  OutputWrite W;
  if (O) {
    W.Stream = O->Stream;
    W.StreamName = O->StreamName;
    W.Parts = O->Parts;
    W.Stdio = O->Stdio;
    W.Osync = O->Osync;
    if (O->Osync)
      W.Emission = frame().Emitted.lookup(O->Osync);
  }
  W.LockStatement = Lock;
  W.Loc = S->getBeginLoc();
  W.Statement = S;
  W.Block = Pos->second.first;
  W.Position = Pos->second.second;
  W.Frame = frame().Id;
  W.Context = C.Id;
  W.State = snapshot(St);
  W.Function = frame().Function;
  Out.OutputWrites.push_back(std::move(W));
}

void Engine::lockedWrite(const clang::Expr *E, FlowState &St) {
  // Set under a lock, a flag publishes what was written before it to whoever
  // sees it set under that lock (the unlock releases, the lock acquires).
  if (St.mustLocks().empty())
    return;
  AccessPath P = resolvePath(E);
  if (P.valid() && !P.Owned)
    St.signal(syncKey(P));
}

void Engine::onLoop(const clang::Stmt *Loop, FlowState &S) {
  Context &C = context();
  bool OnEventLoop = C.Coroutine && !Out.Contexts[C.Id].Offloaded && !C.IsThread;
  if (!OnEventLoop && S.mustLocks().empty())
    return; // only a loop on an event loop, or one inside a critical section, matters
  if (std::optional<BlockingMatch> M = matchBlockingLoop(Loop, Ctx))
    emitBlocking(M->Kind, M->Name, Loop->getBeginLoc(), S);
}

void Engine::onSuspend(const clang::Expr *E, FlowState &St) {
  Context &C = context();
  if (!Emit || !C.Coroutine || Stack.size() != 1)
    return;
  const auto *Suspend = llvm::cast<clang::CoroutineSuspendExpr>(E);
  // Awaiting these never suspends (Asio's this_coro:: queries, suspend_never).
  std::string Awaited = plainClassName(Suspend->getOperand()->getType());
  if (llvm::StringRef(Awaited).starts_with("boost::asio::this_coro::") ||
      Awaited == "std::suspend_never")
    return;
  SuspendEvent Ev;
  Ev.Loc = E->getBeginLoc();
  Ev.Yield = llvm::isa<clang::CoyieldExpr>(E);
  Ev.Context = C.Id;
  Ev.State = snapshot(St);
  Out.Suspends.push_back(Ev);
}

} // namespace racelab
