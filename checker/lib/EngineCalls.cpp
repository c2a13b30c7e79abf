//===- EngineCalls.cpp - calls: followed, synchronising, or library -------===//
#include "lib/Blocking.h"
#include "lib/Engine.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

constexpr unsigned MaxDepth = 12;
constexpr unsigned long MaxBudget = 4000000;

clang::QualType objectType(const clang::Expr *Obj) {
  clang::QualType T = Obj->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getNonReferenceType();
}

/// std::chrono::seconds(0), 0ms, {}: a timeout of nothing.
bool isZeroDuration(const clang::Expr *E) {
  bool SawZero = false, SawOther = false;
  llvm::SmallVector<const clang::Stmt *, 8> Work{E};
  while (!Work.empty()) {
    const clang::Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *I = llvm::dyn_cast<clang::IntegerLiteral>(S))
      (I->getValue() == 0 ? SawZero : SawOther) = true;
    else if (const auto *U = llvm::dyn_cast<clang::UserDefinedLiteral>(S);
             U && U->getLiteralOperatorKind() == clang::UserDefinedLiteral::LOK_Template) {
      // 0ms: the digits are the literal operator's template arguments.
      const clang::FunctionDecl *Op = U->getDirectCallee();
      const clang::TemplateArgumentList *Digits = Op ? Op->getTemplateSpecializationArgs() : nullptr;
      if (!Digits || Digits->size() != 1 || Digits->get(0).getKind() != clang::TemplateArgument::Pack)
        return false;
      for (const clang::TemplateArgument &D : Digits->get(0).pack_elements())
        (D.getKind() == clang::TemplateArgument::Integral && D.getAsIntegral() == '0' ? SawZero
                                                                                      : SawOther) = true;
      continue;
    }
    else if (llvm::isa<clang::DeclRefExpr, clang::FloatingLiteral>(S) &&
             !llvm::isa_and_nonnull<clang::FunctionDecl>(
                 llvm::cast<clang::Expr>(S)->getReferencedDeclOfCallee()))
      SawOther = true;
    for (const clang::Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return SawZero && !SawOther;
}

/// A generic lambda's call operator is a template: what runs is the
/// specialization this call names (null when the call names none of it).
const clang::FunctionDecl *genericLambdaCallee(const clang::Expr *Call, const clang::LambdaExpr *L) {
  const auto *CE = llvm::dyn_cast<clang::CallExpr>(Call);
  const auto *MD = CE ? llvm::dyn_cast_or_null<clang::CXXMethodDecl>(CE->getDirectCallee()) : nullptr;
  if (!MD || MD->getParent() != L->getLambdaClass())
    return nullptr;
  const clang::FunctionDecl *Def = MD->getDefinition();
  return Def && Def->hasBody() ? Def : nullptr;
}

} // namespace

void Engine::acquire(const AccessPath &Mutex, LockKind K, bool Shared, const clang::VarDecl *Scope,
                     const void *By, clang::SourceLocation Loc, FlowState &St, llvm::StringRef Name,
                     clang::SourceLocation LockedAt) {
  if (!Mutex.valid())
    return;
  // Waiting for the lock is a blocking point: reported in a coroutine when
  // the critical section is long or contended.
  emitBlocking(BlockingKind::Lock, Name.str(), Loc, St, &Mutex, By);
  LockFact F;
  F.Mutex = Mutex;
  F.Kind = K;
  F.Shared = Shared;
  F.Scope = Scope;
  F.AcquiredBy = By;
  F.LockedAt = LockedAt.isValid() ? LockedAt : Loc;
  St.addLock(F);
}

void Engine::emitBlocking(BlockingKind K, std::string Name, clang::SourceLocation Loc,
                          FlowState &St, const AccessPath *Mutex, const void *Acquisition,
                          const clang::FunctionDecl *Callee) {
  if (!Emit || !St.Live)
    return;
  BlockingEvent E;
  E.Kind = K;
  E.Name = std::move(Name);
  E.Loc = Loc;
  E.Context = context().Id;
  E.State = snapshot(St);
  E.Chain = Chain;
  E.Callee = Callee;
  if (Mutex)
    E.Mutex = *Mutex;
  E.Acquisition = Acquisition;
  Out.Blocking.push_back(std::move(E));
}

void Engine::noteBlocking(const clang::Expr *E, const clang::FunctionDecl *F, FlowState &St) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(E);
  if (!Emit || !Call || !F)
    return;
  // A future polled with a zero timeout, or read once it is ready, waits for
  // nothing.
  // (wait_for is a member of the future's base class: look through the cast.)
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call); M && F->getIdentifier()) {
    const clang::Expr *Future = M->getImplicitObjectArgument()->IgnoreParenImpCasts();
    llvm::StringRef Name = F->getName();
    if (isFutureType(Future->getType()) && (Name == "wait_for" || Name == "wait_until") &&
        M->getNumArgs() == 1 && isZeroDuration(M->getArg(0)))
      return;
    if (isFutureType(Future->getType()) && (Name == "get" || Name == "wait") &&
        St.waited(syncKey(Future)))
      return;
  }
  bool Awaited = infoFor(frame().Function)->Awaited.count(E) != 0;
  if (std::optional<BlockingMatch> M = matchBlockingCall(Call, F, SM, Awaited))
    if (M->Kind != BlockingKind::Lock) // acquisitions are followed by acquire()
      emitBlocking(M->Kind, M->Name, Call->getExprLoc(), St, nullptr, nullptr, F);
}

void Engine::noteCoroutineCall(const clang::Expr *E, const clang::FunctionDecl *F, FlowState &St) {
  Context &C = context();
  if (!Emit || !F || !C.Coroutine || C.IsThread || Out.Contexts[C.Id].Offloaded)
    return;
  if (infoFor(frame().Function)->Awaited.count(E))
    return;
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E); Call && !Call->getDirectCallee())
    return;
  BlockingEvent Ev;
  Ev.Kind = BlockingKind::Custom;
  Ev.Name = llvm::isa<clang::CXXConstructorDecl>(F)
                ? plainQualifiedName(llvm::cast<clang::CXXConstructorDecl>(F)->getParent())
                : plainQualifiedName(F);
  Ev.Loc = E->getExprLoc();
  Ev.Context = C.Id;
  Ev.State = snapshot(St);
  Ev.Chain = Chain;
  Ev.Callee = F;
  Out.CoroutineCalls.push_back(std::move(Ev));
}

void Engine::transferCall(const clang::CallExpr *E, FlowState &St) {
  if (const SpawnSite *Site = Model.siteOf(E)) {
    transferSpawn(*Site, St);
    return;
  }
  llvm::ArrayRef<const clang::Expr *> Args(E->getArgs(), E->getNumArgs());
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
    if (M->getMethodDecl() && M->getImplicitObjectArgument())
      transferMemberCall(E, M->getMethodDecl(), M->getImplicitObjectArgument(), Args, St);
    return;
  }
  if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E))
    if (const auto *MD = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(Op->getDirectCallee());
        MD && Op->getNumArgs() > 0) {
      transferMemberCall(E, MD, Op->getArg(0), Args.drop_front(), St);
      return;
    }
  const clang::FunctionDecl *F = E->getDirectCallee();
  if (!F) {
    // Through a function pointer (or a reference to a function).
    inlineCallable(E, E->getCallee(), Args, St);
    return;
  }
  noteBlocking(E, F, St);
  noteCoroutineCall(E, F, St);
  if (transferSyncCall(E, F, nullptr, Args, St))
    return;
  // A lock object handed over by std::move: its new owner releases it.
  auto HandOver = [&] {
    for (const clang::Expr *Arg : Args)
      if (const auto *Move = llvm::dyn_cast<clang::CallExpr>(stripTemporaries(Arg));
          Move && Move->getNumArgs() == 1 && Move->getDirectCallee() &&
          Move->getDirectCallee()->getIdentifier() && Move->getDirectCallee()->getName() == "move")
        if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Move->getArg(0)->IgnoreParenImpCasts()))
          if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
              V && isScopedLockType(V->getType()))
            St.releaseScope(V);
  };
  if (inlineCall(E, F, nullptr, Args, AccessPath(), St)) {
    HandOver();
    return;
  }
  HandOver();
  // A library function: lambdas given to it run here (std::for_each…).
  for (const clang::Expr *Arg : Args)
    if (llvm::isa<clang::LambdaExpr>(stripTemporaries(Arg)))
      inlineCallable(E, Arg, {}, St);
  argumentAccesses(F, Args, 0, St);
}

void Engine::transferMemberCall(const clang::CallExpr *E, const clang::CXXMethodDecl *MD,
                                const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                                FlowState &St) {
  clang::QualType T = objectType(Obj);
  noteBlocking(E, MD, St);
  noteCoroutineCall(E, MD, St);
  if (transferSyncCall(E, MD, Obj, Args, St))
    return;
  if (isAtomicType(T) && transferAtomic(E, MD, Obj, Args, St))
    return;
  if (MD->getOverloadedOperator() == clang::OO_Call && inlineCallable(E, Obj, Args, St))
    return;
  noteHandleCopies(MD, Obj, Args);
  if (!SM.isInSystemHeader(MD->getLocation())) {
    // A member function of the user's: its body says what it touches.
    AccessPath This = llvm::isa<clang::CXXThisExpr>(Obj->IgnoreParenImpCasts()) ? frame().This
                      : Obj->getType()->isPointerType()                   ? resolvePointee(Obj)
                                                                          : resolvePath(Obj);
    llvm::SmallVector<const clang::CXXMethodDecl *, 2> Targets;
    const clang::Expr *Plain = Obj->IgnoreParenImpCasts();
    bool Exact = !MD->isVirtual() || MD->getParent()->hasAttr<clang::FinalAttr>() ||
                 (llvm::isa<clang::DeclRefExpr>(Plain) && !Plain->getType()->isReferenceType() &&
                  !Obj->getType()->isPointerType() &&
                  !llvm::cast<clang::DeclRefExpr>(Plain)->getDecl()->getType()->isReferenceType());
    if (Exact) {
      const clang::CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      const clang::CXXMethodDecl *Final = RD ? MD->getCorrespondingMethodInClass(RD) : nullptr;
      Targets.push_back(Final ? Final : MD);
    } else {
      for (const clang::CXXMethodDecl *O : Model.overriders(MD))
        Targets.push_back(O);
    }
    FlowState Start = St, Joined;
    bool Any = false;
    for (const clang::CXXMethodDecl *Target : Targets) {
      FlowState S = Start;
      if (inlineCall(E, Target, nullptr, Args, This, S)) {
        Joined.join(S);
        Any = true;
      }
    }
    if (Any) {
      St = Joined;
      return;
    }
  }
  static const llvm::StringRef NoAccess[] = {"operator[]", "at", "front", "back", "top", "begin",
                                             "end", "cbegin", "cend", "rbegin", "rend", "data",
                                             "operator*", "operator->", "get", "value"};
  // A std::ostream may be the console, whose writes do not race (the
  // interleaved-output check looks at them); a file or string stream's do.
  bool MaybeConsole = isStdClass(T, {"basic_ostream", "basic_iostream", "basic_osyncstream"});
  if (!llvm::is_contained(NoAccess, MD->getNameAsString()) && !isSyncType(T) && !MaybeConsole) {
    // A library member function: a const one reads the object, any other
    // may change it.
    AccessKind K = MD->isConst() ? AccessKind::Read : AccessKind::Write;
    if (Obj->getType()->isPointerType()) {
      Binding Via;
      AccessPath P = resolvePointee(Obj, &Via);
      size_t Before = Out.Accesses.size();
      recordPath(P, T, Obj->getExprLoc(), K, AtomicOp::None, Via, St);
      if (Out.Accesses.size() > Before)
        Out.Accesses.back().Name = Out.Accesses.back().Path.spelling();
    } else {
      record(Obj, K, AtomicOp::None, St);
      if (K == AccessKind::Write)
        lockedWrite(Obj, St); // queue.push(job) under the queue's lock
    }
  }
  for (const clang::Expr *Arg : Args)
    if (llvm::isa<clang::LambdaExpr>(stripTemporaries(Arg)))
      inlineCallable(E, Arg, {}, St);
  argumentAccesses(MD, Args, 0, St);
}

void Engine::noteHandleCopies(const clang::CXXMethodDecl *MD, const clang::Expr *Obj,
                               llvm::ArrayRef<const clang::Expr *> Args) {
  // ids.push_back(id), threads.push_back(std::move(t)): joining the
  // container's elements joins what the handle started.
  std::string Name = MD->getNameAsString();
  if (Name != "push_back" && Name != "emplace_back" && Name != "insert" && Name != "emplace" &&
      Name != "push" && Name != "operator=")
    return;
  const clang::ValueDecl *Container = handleOf(Obj);
  if (!Container)
    return;
  for (const clang::Expr *Arg : Args) {
    const clang::ValueDecl *Handle = handleOf(Arg);
    if (!Handle || Handle == Container)
      continue;
    auto It = ByHandle.find(Handle);
    if (It == ByHandle.end())
      continue;
    llvm::SmallVector<unsigned, 2> &Into = ByHandle[Container];
    for (unsigned T : llvm::SmallVector<unsigned, 2>(It->second))
      if (!llvm::is_contained(Into, T))
        Into.push_back(T);
  }
}

void Engine::transferConstruct(const clang::CXXConstructExpr *E, FlowState &St) {
  if (const SpawnSite *Site = Model.siteOf(E)) {
    transferSpawn(*Site, St);
    return;
  }
  const clang::CXXConstructorDecl *Ctor = E->getConstructor();
  if (!Ctor || isScopedLockType(E->getType()) || isStdClass(E->getType(), {"atomic_ref"}))
    return; // followed at their declaration
  noteCoroutineCall(E, Ctor, St);
  if (Ctor->isCopyOrMoveConstructor() && E->getNumArgs() >= 1) {
    const clang::Expr *From = E->getArg(0);
    bool Move = Ctor->isMoveConstructor();
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(stripTemporaries(From));
        Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
        Call->getDirectCallee()->getIdentifier() && Call->getDirectCallee()->getName() == "move")
      From = Call->getArg(0);
    record(From, Move ? AccessKind::Write : AccessKind::Read, AtomicOp::None, St);
    return;
  }
  llvm::ArrayRef<const clang::Expr *> Args(E->getArgs(), E->getNumArgs());
  if (!SM.isInSystemHeader(Ctor->getLocation()) &&
      inlineCall(E, Ctor, nullptr, Args, AccessPath(), St))
    return;
  argumentAccesses(Ctor, Args, 0, St);
}

void Engine::argumentAccesses(const clang::FunctionDecl *F, llvm::ArrayRef<const clang::Expr *> Args,
                              unsigned ParamOffset, FlowState &St) {
  // These only name their argument; whoever uses the result accesses it.
  static const llvm::StringRef Naming[] = {"ref",     "cref",     "move", "forward", "addressof",
                                           "as_const", "launder", "get",  "begin",   "end",
                                           "data",     "size",    "ssize"};
  if (F->getIdentifier() && isInStd(F) && llvm::is_contained(Naming, F->getName()))
    return;
  for (unsigned I = 0; I < Args.size(); ++I) {
    unsigned P = I + ParamOffset;
    if (P >= F->getNumParams())
      break;
    clang::QualType T = F->getParamDecl(P)->getType();
    if (!T->isLValueReferenceType())
      continue;
    clang::QualType ArgT = Args[I]->IgnoreParenImpCasts()->getType().getNonReferenceType();
    if (isSyncType(T.getNonReferenceType()) ||
        isStdClass(ArgT, {"basic_ostream", "basic_iostream", "basic_osyncstream"}))
      continue;
    record(Args[I], T.getNonReferenceType().isConstQualified() ? AccessKind::Read : AccessKind::Write,
           AtomicOp::None, St);
  }
}

bool Engine::inlineCall(const clang::Expr *Call, const clang::FunctionDecl *Target,
                        const clang::LambdaExpr *Lambda, llvm::ArrayRef<const clang::Expr *> Args,
                        const AccessPath &This, FlowState &St) {
  if (!Target)
    return false;
  const clang::FunctionDecl *Def = Target->getDefinition();
  if (!Def || !Def->hasBody() || SM.isInSystemHeader(Def->getLocation()) || isCoroutine(Def))
    return false; // a coroutine runs when it is awaited or spawned: a root of its own
  if (Stack.size() >= MaxDepth || Budget > MaxBudget)
    return false;
  if (llvm::any_of(Stack, [&](const Frame *F) { return F->Function == Def; }))
    return false; // recursion: followed once
  if (!Lambda)
    if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(Def); M && M->getParent()->isLambda()) {
      Lambda = Model.lambdaOf(M->getParent());
      if (!Lambda)
        if (auto It = SeenLambdas.find(M->getParent()); It != SeenLambdas.end())
          Lambda = It->second;
    }
  Frame Fr;
  Fr.Function = Def;
  Fr.Lambda = Lambda;
  Fr.Id = NextFrameId++;
  Fr.Chain = llvm::hash_combine(frame().Chain, Call);
  Fr.CallSite = Call;
  Fr.This = This;
  if (Lambda)
    bindCaptures(Fr, Lambda);
  for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I) {
    const clang::ParmVarDecl *P = Def->getParamDecl(I);
    Binding B = bindArgument(Args[I], P->getType());
    if (B.Path.valid())
      Fr.Vars[P] = B;
    IndexInfo Index = indexInfo(Args[I]);
    if (Index.K != IndexInfo::Unknown)
      Fr.Values[P] = Index;
    clang::QualType T = P->getType().getNonReferenceType();
    if (T->isFunctionPointerType() || isStdClass(T, {"function"}) ||
        (T->getAsCXXRecordDecl() && T->getAsCXXRecordDecl()->isLambda()))
      Fr.Callables[P] = Args[I];
    if (isFutureType(T) || isStdClass(T, {"promise", "stop_token", "latch", "barrier"}))
      if (SyncKey K = syncKey(Args[I]))
        SyncAliases[P] = K;
  }
  Chain.push_back({frame().Function, Def, Call->getExprLoc()});
  Stack.push_back(&Fr);
  FlowState Exit = follow(Fr, St, Emit);
  Stack.pop_back();
  Chain.pop_back();
  St = Exit;
  if (Def->getReturnType()->isReferenceType() && Fr.Returned.valid()) {
    frame().CallResults[Call] = Fr.Returned;
    if (Fr.ReturnedLocked)
      frame().LockedResults.insert(Call);
  }
  return true;
}

bool Engine::inlineCallable(const clang::Expr *Call, const clang::Expr *Callable,
                            llvm::ArrayRef<const clang::Expr *> Args, FlowState &St) {
  // What a variable, parameter or member holding a callable was given.
  llvm::SmallVector<const clang::Expr *, 2> Candidates;
  const clang::Expr *C = Callable->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(C)) {
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl())) {
      if (const clang::Expr *Given = callableOf(V))
        Candidates.push_back(Given);
    } else {
      Candidates.push_back(C);
    }
  } else if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(C)) {
    for (const clang::Expr *Stored : Model.storedCallables(M->getMemberDecl()))
      if (Candidates.size() < 4)
        Candidates.push_back(Stored);
  } else {
    Candidates.push_back(C);
  }
  FlowState Start = St, Joined;
  bool Any = false;
  for (const clang::Expr *Candidate : Candidates) {
    const clang::LambdaExpr *L = nullptr;
    const clang::FunctionDecl *F = resolveCallable(Candidate, &Model, &L);
    if (!F)
      continue;
    if (L && L->isGenericLambda())
      F = genericLambdaCallee(Call, L);
    if (!F)
      continue;
    AccessPath This;
    if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F); M && !L && M->isInstance())
      This = resolvePath(Callable); // a functor: its own members
    FlowState S = Start;
    if (inlineCall(Call, F, L, Args, This, S)) {
      Joined.join(S);
      Any = true;
    }
  }
  if (Any)
    St = Joined;
  return Any;
}

void Engine::transferSpawn(const SpawnSite &Site, FlowState &St) {
  auto Key = std::make_pair(Site.Spawn, frame().Chain);
  auto [It, New] = ThreadOf.try_emplace(Key, 0);
  if (New) {
    auto C = std::make_unique<Context>();
    C->Id = Out.Contexts.size();
    C->IsThread = true;
    C->RecordOwned = llvm::is_contained(Model.starters(), Site.Function);
    C->Coroutine = isCoroutine(Site.Function);
    ContextInfo Info;
    Info.K = ContextInfo::Thread;
    Info.RootId = CurrentRoot;
    Info.Parent = CurrentContext;
    Info.Function = Site.Function;
    Info.Lambda = Site.Lambda;
    Info.Name = Site.Name;
    Info.SpawnExpr = Site.Spawn;
    Info.SpawnLoc = Site.Spawn->getBeginLoc();
    Info.StartedInLoop = Site.Loop != nullptr;
    Info.Coroutine = C->Coroutine;
    Info.Offloaded = true; // whatever it runs, it runs on a thread of its own
    Info.MultiInstance = Out.Contexts[CurrentContext].MultiInstance;

    Frame &Entry = C->Entry;
    Entry.Function = Site.Function;
    Entry.Lambda = Site.Lambda;
    C->Creator = std::make_shared<Frame>(frame());
    if (Site.Lambda)
      bindCaptures(Entry, Site.Lambda);
    if (Site.Object) {
      const clang::Expr *Object = Site.Object;
      if (const clang::Expr *Ref = refArgument(Object))
        Entry.This = resolvePath(Ref); // std::ref(functor): the same object
      else if (Object->getType()->isPointerType())
        Entry.This = resolvePointee(Object); // `this`, &obj
      if (!Entry.This.valid()) {
        // A copy of the object made for the thread: its members are its own.
        Entry.This.Kind = AccessPath::Root::This;
        Entry.This.Decl = llvm::cast<clang::CXXMethodDecl>(Site.Function)->getParent();
        Entry.This.Owned = true;
      }
    }
    unsigned Offset = Site.TakesStopToken ? 1 : 0;
    for (unsigned I = 0; I < Site.Args.size() && I + Offset < Site.Function->getNumParams(); ++I) {
      const clang::ParmVarDecl *P = Site.Function->getParamDecl(I + Offset);
      Binding B = bindArgument(Site.Args[I], P->getType());
      if (B.Path.valid())
        Entry.Vars[P] = B;
      IndexInfo Index = indexInfo(Site.Args[I]);
      if (Index.K != IndexInfo::PerIteration && P->getType()->isIntegerType()) {
        // A value the thread is started with: its profile tells two starts apart.
        llvm::FoldingSetNodeID Id;
        Site.Args[I]->IgnoreParenImpCasts()->Profile(Id, Ctx, /*Canonical=*/true);
        if (Index.K == IndexInfo::Unknown)
          Index.K = IndexInfo::ByArgument;
        Index.Arg = Id.ComputeHash() | 1; // never 0
      }
      if (Index.K != IndexInfo::Unknown)
        Entry.Values[P] = Index;
      clang::QualType PT = P->getType().getNonReferenceType();
      if (PT->isFunctionPointerType() || isStdClass(PT, {"function"}) ||
          (PT->getAsCXXRecordDecl() && PT->getAsCXXRecordDecl()->isLambda()))
        Entry.Callables[P] = Site.Args[I];
      if (isStdClass(P->getType(), {"promise", "future", "shared_future", "latch", "barrier"}))
        if (SyncKey K = syncKey(Site.Args[I]))
          SyncAliases[P] = K;
    }
    // What the starter hands over is the starter's, not the thread's own.
    for (auto &[V, B] : Entry.Vars)
      if (B.Path.valid())
        B.Path.Owned = false;
    if (Entry.This.valid() && !Site.Object && !Site.Lambda)
      Entry.This.Owned = false;
    if (Site.Lambda && Entry.This.valid())
      Entry.This.Owned = false;

    const clang::ValueDecl *Handle = Site.Handle;
    if (const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(Handle))
      if (const Binding *B = bindingOf(V, false); B && B->Path.valid())
        Handle = llvm::dyn_cast_or_null<clang::ValueDecl>(B->Path.Decl);
    if (Site.TakesStopToken && Handle)
      SyncAliases[Site.Function->getParamDecl(0)] = Handle;
    if (Handle)
      ByHandle[Handle].push_back(C->Id);
    C->Initial.Live = true;
    if (Site.Strand) {
      // Work handed to one strand never runs alongside other work on it.
      LockFact F;
      F.Mutex.Kind = Site.Strand->isDefinedOutsideFunctionOrMethod() ? AccessPath::Root::Global
                                                                     : AccessPath::Root::Local;
      F.Mutex.Decl = Site.Strand;
      F.Kind = LockKind::Strand;
      F.LockedAt = Site.Spawn->getBeginLoc();
      F.AcquiredBy = Site.Spawn;
      C->Initial.addLock(F);
    }
    // A packaged_task run by the thread: its future is ready when it ends,
    // after everything the thread did.
    if (Site.Callable && isStdClass(Site.Callable->getType(), {"packaged_task"}))
      if (SyncKey K = syncKey(Site.Callable))
        Info.SignalsAny.push_back(K);
    It->second = C->Id;
    Out.Contexts.push_back(std::move(Info));
    Pending.push_back(C->Id);
    Contexts.push_back(std::move(C));
  }
  unsigned Id = It->second;
  if (Emit) {
    ContextInfo &Info = Out.Contexts[Id];
    for (unsigned R : St.Running)
      if (!llvm::is_contained(Info.RunningAtStart, R))
        Info.RunningAtStart.push_back(R);
    if (St.runs(Id))
      Info.MultiInstance = true; // started again while a copy still runs
  }
  St.start(Id);
}

} // namespace racelab
