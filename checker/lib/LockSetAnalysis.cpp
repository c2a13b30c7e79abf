//===- LockSetAnalysis.cpp ------------------------------------------------===//
#include "lib/LockSetAnalysis.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <cstdint>
#include <optional>

namespace racelab {

void LockSet::add(const HeldLock &L) {
  if (L.Mutex && !contains(L.Mutex))
    Locks.push_back(L);
}

void LockSet::remove(const clang::ValueDecl *Mutex) {
  llvm::erase_if(Locks, [&](const HeldLock &L) { return L.Mutex == Mutex; });
}

bool LockSet::contains(const clang::ValueDecl *Mutex) const {
  return llvm::any_of(Locks, [&](const HeldLock &L) { return L.Mutex == Mutex; });
}

LockSet LockSet::intersect(const LockSet &Other) const {
  LockSet Result;
  for (HeldLock L : Locks)
    if (const HeldLock *Theirs = Other.find(L.Mutex)) {
      // Held for reading on one path only: after the paths meet, only the
      // weaker hold is sure.
      L.ReadOnly = L.ReadOnly || Theirs->ReadOnly;
      Result.Locks.push_back(L);
    }
  return Result;
}

const HeldLock *LockSet::find(const clang::ValueDecl *Mutex) const {
  for (const HeldLock &L : Locks)
    if (L.Mutex == Mutex)
      return &L;
  return nullptr;
}

llvm::SmallVector<HeldLock, 2> LockSet::sharedLocks() const {
  llvm::SmallVector<HeldLock, 2> Result;
  for (const HeldLock &L : Locks)
    if (!L.InstanceLocal)
      Result.push_back(L);
  return Result;
}

llvm::SmallVector<HeldLock, 2> LockSet::localLocks() const {
  llvm::SmallVector<HeldLock, 2> Result;
  for (const HeldLock &L : Locks)
    if (L.InstanceLocal)
      Result.push_back(L);
  return Result;
}

bool LockSet::sharesLockWith(const LockSet &Other) const {
  return llvm::any_of(Locks, [&](const HeldLock &L) {
    if (L.InstanceLocal)
      return false;
    const HeldLock *Theirs = Other.find(L.Mutex);
    // Two readers of a shared_mutex run together: one side must hold it
    // exclusively for the mutex to order the two accesses.
    return Theirs && !(L.ReadOnly && Theirs->ReadOnly);
  });
}

llvm::SmallVector<HeldLock, 2> LockSet::readOnlyLocks() const {
  llvm::SmallVector<HeldLock, 2> Result;
  for (const HeldLock &L : Locks)
    if (L.ReadOnly && !L.InstanceLocal)
      Result.push_back(L);
  return Result;
}

namespace {

/// What an expression names, seen from the thread being walked.
struct Target {
  const clang::ValueDecl *Decl = nullptr;
  /// Other threads can reach it (a global, a static, a member of the shared
  /// object, a local of the starting function captured or passed by reference).
  bool Shared = false;
};

/// A lock object alive in the current block.
struct ScopedLock {
  const clang::VarDecl *Var = nullptr;
  llvm::SmallVector<HeldLock, 2> Mutexes;
  bool Owns = true;
};

struct State {
  LockSet Held;
  llvm::SmallVector<ScopedLock, 4> Scoped;
};

/// One function being walked (the entry, or a callee inlined into it).
struct Frame {
  const clang::FunctionDecl *Function = nullptr;
  const clang::LambdaExpr *Lambda = nullptr;
  bool ThisShared = false;
  /// Reference parameters bound to what the caller passed.
  llvm::DenseMap<const clang::VarDecl *, Target> Bindings;
  /// Locals holding a value loaded from an atomic: the atomic and the load.
  llvm::DenseMap<const clang::VarDecl *, std::pair<const clang::ValueDecl *, clang::SourceLocation>>
      Loaded;
};

bool isAccessorName(llvm::StringRef Name) {
  static const llvm::StringRef Names[] = {"operator[]", "at", "front", "back", "begin", "end", "data", "find",
                             "rbegin", "rend", "lower_bound", "upper_bound", "equal_range"};
  return llvm::is_contained(Names, Name);
}

const unsigned MaxInlineDepth = 12;
const unsigned StatementBudget = 200000;

class EntryWalker {
public:
  EntryWalker(clang::ASTContext &Ctx, const ThreadModel &Model, unsigned EntryIndex,
              ThreadAccesses &Out)
      : Ctx(Ctx), Model(Model), EntryIndex(EntryIndex), Out(Out) {}

  /// Walks the code of a function that starts threads, as the thread that
  /// runs it: only what it does while some thread it started runs is recorded.
  EntryWalker(clang::ASTContext &Ctx, const ThreadModel &Model, const SpawnWindow &Spawner,
              ThreadAccesses &Out)
      : Ctx(Ctx), Model(Model), EntryIndex(0), Out(Out), Spawner(&Spawner) {}

  void run() {
    if (Spawner) {
      Frame Root;
      Root.Function = Spawner->Function;
      Root.Lambda = Spawner->Lambda;
      Root.ThisShared = true; // threads started with `this` share the object
      Frames.push_back(std::move(Root));
      State S;
      walk(Spawner->Function->getBody(), S);
      Frames.pop_back();
      return;
    }
    const ThreadEntry &Entry = Model.entries()[EntryIndex];
    Frame Root;
    Root.Function = Entry.Function;
    Root.Lambda = Entry.Lambda;
    Root.ThisShared = Entry.ThisIsShared;
    for (const auto &[Param, Var] : Entry.RefParams)
      Root.Bindings[Param] = Target{Var, true};
    Frames.push_back(std::move(Root));
    State S;
    // Work handed to one boost::asio::strand never runs alongside other work
    // on that strand: the strand acts as a mutex held for the whole handler.
    if (const clang::ValueDecl *Strand = Entry.strand())
      S.Held.add(HeldLock{Strand, /*InstanceLocal=*/false, Entry.SpawnSites.front()});
    walk(Entry.Function->getBody(), S);
    Frames.pop_back();
  }

private:
  // --- What does an expression name? ------------------------------------

  Target resolveVar(const clang::VarDecl *V, bool ViaCapture, size_t FrameIndex) const {
    const Frame &F = Frames[FrameIndex];
    if (auto It = F.Bindings.find(V); It != F.Bindings.end())
      return It->second;
    if (V->hasGlobalStorage())
      return Target{V, V->getTLSKind() == clang::VarDecl::TLS_None};
    if (ViaCapture && F.Lambda) {
      for (const clang::LambdaCapture &C : F.Lambda->captures()) {
        if (!C.capturesVariable() || C.getCapturedVar() != V)
          continue;
        if (C.getCaptureKind() != clang::LCK_ByRef)
          return Target{V, false}; // the lambda's own copy
        if (FrameIndex == 0)
          return Target{V, true}; // a local of the starting function, by reference
        return resolveVar(V, /*ViaCapture=*/true, FrameIndex - 1);
      }
    }
    // A local of this thread (one per thread); a local of a spawning function
    // is what its threads capture by reference or get through std::ref.
    return Target{V, Spawner && FrameIndex == 0};
  }

  /// The innermost name of \p E (a variable or a member reached through
  /// `this`), looking through s.x, a[i] and, when \p ThroughAccessors, v[i] /
  /// v.front() on containers.
  const clang::Expr *nameOf(const clang::Expr *E, bool ThroughAccessors) const {
    while (E) {
      E = E->IgnoreParenImpCasts();
      if (llvm::isa<clang::DeclRefExpr>(E))
        return E;
      if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E)) {
        const clang::Expr *Base = M->getBase()->IgnoreParenImpCasts();
        if (llvm::isa<clang::CXXThisExpr>(Base))
          return E;
        if (M->isArrow())
          return nullptr; // p->x: what p points to is not tracked
        E = Base;
        continue;
      }
      if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E)) {
        if (!A->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
          return nullptr;
        E = A->getBase();
        continue;
      }
      if (ThroughAccessors) {
        if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
            Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() > 0) {
          E = Op->getArg(0);
          continue;
        }
        if (const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
          const clang::CXXMethodDecl *MD = Call->getMethodDecl();
          if (MD && MD->getIdentifier() && isAccessorName(MD->getName())) {
            E = Call->getImplicitObjectArgument();
            continue;
          }
        }
      }
      return nullptr;
    }
    return nullptr;
  }

  Target resolveName(const clang::Expr *Name) const {
    if (!Name)
      return {};
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Name)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
        return resolveVar(V, Ref->refersToEnclosingVariableOrCapture(), Frames.size() - 1);
      return {};
    }
    const auto *M = llvm::cast<clang::MemberExpr>(Name);
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(M->getMemberDecl()))
      return resolveVar(V, false, Frames.size() - 1); // a static member
    if (const auto *F = llvm::dyn_cast<clang::FieldDecl>(M->getMemberDecl()))
      return Target{F, Frames.back().ThisShared};
    return {};
  }

  Target resolve(const clang::Expr *E) const { return resolveName(nameOf(E, false)); }

  /// Data whose accesses are worth recording: not const, not a reference,
  /// not a mutex or other synchronisation object, declared in user code.
  bool isTrackedData(const Target &T) const {
    if (!T.Decl || !T.Shared)
      return false;
    clang::QualType Type = T.Decl->getType();
    if (Type->isReferenceType() || Type.isConstQualified() || isSyncType(Type))
      return false;
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(T.Decl); V && V->isConstexpr())
      return false;
    if (Type->isFunctionType())
      return false;
    return !Ctx.getSourceManager().isInSystemHeader(T.Decl->getLocation());
  }

  static clang::SourceLocation nameLoc(const clang::Expr *Name) {
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(Name))
      return M->getMemberLoc();
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Name))
      return Ref->getLocation();
    return Name->getExprLoc();
  }


  /// Who makes an access at the current point: this thread entry, or, for a
  /// spawning function, itself while the threads in \p Running run. False if
  /// the spawning function runs alone here (before the start, after the join).
  bool whoIsRunning(bool &IsSpawner, llvm::SmallVector<unsigned, 2> &Running,
                    unsigned &Entry) const {
    IsSpawner = Spawner != nullptr;
    Entry = EntryIndex;
    if (!Spawner)
      return true;
    Running = Model.runningAt(Spawner->Function, RootLoc, Ctx.getSourceManager());
    if (Running.empty())
      return false;
    Entry = Running.front();
    return true;
  }
  // --- Recording ---------------------------------------------------------

  void mark(const clang::Expr *E, AccessKind Kind, AtomicOp Op = AtomicOp::None) {
    if (const clang::Expr *Name = nameOf(E, true)) {
      Marks[Name] = {Kind, Op};
      // An atomic member of a plain struct (work.next.fetch_add(1)): the
      // variable is tracked as a whole, but this access of it is atomic.
      if (isAtomicType(E->IgnoreParenImpCasts()->getType()))
        AtomicNames.insert(Name);
      else
        AtomicNames.erase(Name);
    }
  }

  void record(const clang::Expr *Name, const State &S) {
    Target T = resolveName(Name);
    if (!isTrackedData(T))
      return;
    Access A;
    if (!whoIsRunning(A.Spawner, A.Running, A.Entry))
      return;
    A.Var = T.Decl;
    A.Loc = nameLoc(Name);
    if (auto It = Marks.find(Name); It != Marks.end()) {
      A.Kind = It->second.first;
      A.Op = It->second.second;
    }
    A.IsAtomic = isAtomicType(T.Decl->getType()) || AtomicNames.contains(Name);
    A.Held = S.Held;
    A.Function = Frames.back().Function;
    Out.Accesses.push_back(std::move(A));
  }

  HeldLock lockOf(const clang::Expr *MutexExpr) const {
    Target T = resolve(MutexExpr);
    HeldLock L;
    L.Mutex = T.Decl;
    L.InstanceLocal = T.Decl && !T.Shared;
    L.LockedAt = MutexExpr->getExprLoc();
    return L;
  }

  // --- Atomic loads feeding a store ----------------------------------------

  /// The first atomic load in \p E (of \p Only if given), directly or through
  /// a local that holds a loaded value.
  std::optional<std::pair<const clang::ValueDecl *, clang::SourceLocation>>
  findLoad(const clang::Stmt *S, const clang::ValueDecl *Only) const {
    if (!S || llvm::isa<clang::LambdaExpr>(S))
      return std::nullopt;
    if (const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(S)) {
      const clang::CXXMethodDecl *MD = Call->getMethodDecl();
      const clang::Expr *Obj = Call->getImplicitObjectArgument();
      if (MD && Obj && isAtomicType(Obj->IgnoreParenImpCasts()->getType()) &&
          (llvm::isa<clang::CXXConversionDecl>(MD) ||
           (MD->getIdentifier() && MD->getName() == "load"))) {
        Target T = resolve(Obj);
        if (T.Decl && (!Only || T.Decl == Only))
          return std::make_pair(T.Decl, Obj->getExprLoc());
      }
    }
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(S)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl())) {
        auto It = Frames.back().Loaded.find(V);
        if (It != Frames.back().Loaded.end() && (!Only || It->second.first == Only))
          return It->second;
      }
    }
    for (const clang::Stmt *Child : S->children())
      if (auto Found = findLoad(Child, Only))
        return Found;
    return std::nullopt;
  }

  void noteLocalValue(const clang::VarDecl *Local, const clang::Expr *Value) {
    if (!Local || !Value || Local->hasGlobalStorage())
      return;
    if (auto Found = findLoad(Value, nullptr))
      Frames.back().Loaded[Local] = *Found;
    else
      Frames.back().Loaded.erase(Local);
  }

  void checkStore(const clang::Expr *Obj, const clang::Expr *Value, const State &S) {
    if (Spawner)
      return; // only thread code is checked for split updates
    Target T = resolve(Obj);
    if (!isTrackedData(T) || !Value)
      return;
    if (auto Found = findLoad(Value, T.Decl))
      Out.SplitUpdates.push_back(
          SplitAtomicUpdate{T.Decl, Obj->getExprLoc(), Found->second, S.Held, EntryIndex});
  }

  // --- Locks -------------------------------------------------------------

  void acquireScoped(const clang::VarDecl *V, State &S) {
    const clang::Expr *Init = V->getInit();
    if (!Init)
      return;
    const auto *Construct =
        llvm::dyn_cast<clang::CXXConstructExpr>(Init->IgnoreImplicit()->IgnoreParens());
    if (!Construct)
      return;
    ScopedLock Lock;
    Lock.Var = V;
    // std::shared_lock holds its mutex for reading only.
    bool ReadOnly = isStdClass(V->getType(), {"shared_lock"});
    for (const clang::Expr *Arg : Construct->arguments()) {
      if (isMutexType(Arg->getType())) {
        HeldLock L = lockOf(Arg);
        L.ReadOnly = ReadOnly;
        Lock.Mutexes.push_back(L);
      } else if (isStdClass(Arg->getType(), {"defer_lock_t", "try_to_lock_t"}))
        Lock.Owns = false; // try_to_lock may fail: not counted as held
    }
    if (Lock.Owns)
      for (const HeldLock &L : Lock.Mutexes)
        S.Held.add(L);
    S.Scoped.push_back(std::move(Lock));
  }

  static void releaseScoped(State &S, size_t Keep) {
    while (S.Scoped.size() > Keep) {
      if (S.Scoped.back().Owns)
        for (const HeldLock &L : S.Scoped.back().Mutexes)
          S.Held.remove(L.Mutex);
      S.Scoped.pop_back();
    }
  }

  /// After two paths meet: only what both hold.
  static void merge(State &Into, State A, State B) {
    releaseScoped(A, Into.Scoped.size());
    releaseScoped(B, Into.Scoped.size());
    Into.Held = A.Held.intersect(B.Held);
    for (size_t I = 0; I < Into.Scoped.size(); ++I)
      Into.Scoped[I].Owns = A.Scoped[I].Owns && B.Scoped[I].Owns;
  }

  ScopedLock *scopedLockNamed(const clang::Expr *E, State &S) {
    const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts());
    if (!Ref)
      return nullptr;
    const clang::ValueDecl *D = Ref->getDecl();
    // A std::unique_lock<std::mutex>& parameter: the caller's lock.
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(D))
      if (auto It = Frames.back().Bindings.find(V); It != Frames.back().Bindings.end())
        D = It->second.Decl;
    for (ScopedLock &L : S.Scoped)
      if (L.Var == D)
        return &L;
    return nullptr;
  }

  // --- Calls -------------------------------------------------------------

  bool canInline(const clang::FunctionDecl *F) const {
    if (!F || !F->hasBody() || Frames.size() >= MaxInlineDepth)
      return false;
    const clang::FunctionDecl *Def = F->getDefinition();
    if (!Def || Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      return false;
    return llvm::none_of(Frames, [&](const Frame &Fr) { return Fr.Function == Def; });
  }

  void inlineLambda(const clang::LambdaExpr *L, State &S) {
    Frame F;
    F.Function = L->getCallOperator();
    F.Lambda = L;
    F.ThisShared = Frames.back().ThisShared;
    Frames.push_back(std::move(F));
    walk(L->getBody(), S);
    Frames.pop_back();
  }

  /// Arguments: T& parameters are writes; lambdas given to a call run here
  /// (a condition variable's predicate, std::for_each…). Then the callee, if
  /// its body is in the translation unit.
  void walkCall(const clang::CallExpr *Call, const clang::FunctionDecl *Callee,
                llvm::ArrayRef<const clang::Expr *> Args, unsigned ParamOffset,
                std::optional<bool> ThisShared, State &S) {
    bool Spawn = Model.isSpawn(Call);
    // A callee we can see says itself what it does with a T& argument.
    bool WillInline = !Spawn && canInline(Callee);
    if (Callee && Callee->getIdentifier() && Args.size() == 1) {
      // pthread_mutex_lock(&m) … pthread_mutex_unlock(&m)
      llvm::StringRef Name = Callee->getName();
      if (Name == "pthread_mutex_lock" || Name == "pthread_mutex_unlock") {
        const clang::Expr *Arg = Args[0]->IgnoreParenImpCasts();
        if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(Arg);
            U && U->getOpcode() == clang::UO_AddrOf) {
          HeldLock L = lockOf(U->getSubExpr());
          if (Name == "pthread_mutex_lock")
            S.Held.add(L);
          else
            S.Held.remove(L.Mutex);
        }
        return;
      }
    }
    for (unsigned I = 0; I < Args.size(); ++I) {
      const clang::Expr *Arg = Args[I];
      unsigned P = I + ParamOffset;
      if (!WillInline && Callee && P < Callee->getNumParams()) {
        clang::QualType T = Callee->getParamDecl(P)->getType();
        if (T->isLValueReferenceType() && !T.getNonReferenceType().isConstQualified())
          mark(Arg, AccessKind::Write);
      }
      walk(Arg, S);
      if (const clang::LambdaExpr *L = lambdaOf(Arg); L && !Spawn)
        inlineLambda(L, S);
    }
    if (!WillInline)
      return;
    const clang::FunctionDecl *Def = Callee->getDefinition();
    Frame F;
    F.Function = Def;
    F.ThisShared = ThisShared.value_or(false);
    for (unsigned I = 0; I < Args.size(); ++I) {
      unsigned P = I + ParamOffset;
      if (P >= Def->getNumParams())
        break;
      const clang::ParmVarDecl *Param = Def->getParamDecl(P);
      if (Param->getType()->isReferenceType() || Param->getType()->isPointerType()) {
        const clang::Expr *Arg = Args[I]->IgnoreParenImpCasts();
        if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(Arg);
            U && U->getOpcode() == clang::UO_AddrOf)
          Arg = U->getSubExpr();
        Target T = resolve(Arg);
        if (T.Decl)
          F.Bindings[Param] = T;
      }
    }
    ++Budget; // the call itself
    Frames.push_back(std::move(F));
    walk(Def->getBody(), S);
    Frames.pop_back();
  }

  /// The mutexes a lock argument stands for: a std::unique_lock of this
  /// function or of a caller (passed by reference), or a mutex itself
  /// (condition_variable_any).
  llvm::SmallVector<HeldLock, 2> mutexesOfLock(const clang::Expr *E, State &S) {
    if (ScopedLock *L = scopedLockNamed(E, S))
      return L->Mutexes;
    if (isMutexType(E->getType()))
      return {lockOf(E)};
    return {};
  }

  /// cv.wait(lock, pred), cv.wait_for(lock, time, pred), cv.wait_until(lock,
  /// time, pred): the predicate is only ever called with the lock's mutex held
  /// (the wait reacquires it before each test), and the mutex is held again
  /// when the wait returns.
  void walkWait(llvm::ArrayRef<const clang::Expr *> Args, State &S) {
    llvm::SmallVector<HeldLock, 2> Mutexes = mutexesOfLock(Args.front(), S);
    State Locked = S;
    for (const HeldLock &L : Mutexes)
      Locked.Held.add(L);
    for (const clang::Expr *Arg : Args) {
      walk(Arg, Locked);
      if (const clang::LambdaExpr *L = lambdaOf(Arg))
        inlineLambda(L, Locked);
    }
    for (const HeldLock &L : Mutexes)
      S.Held.add(L);
    if (ScopedLock *L = scopedLockNamed(Args.front(), S))
      L->Owns = true;
  }

  /// A lambda given as an argument: written there, or a local variable
  /// initialised with one (`auto ready = [&] {…}; cv.wait(lock, ready);`).
  const clang::LambdaExpr *lambdaOf(const clang::Expr *Arg) const {
    const clang::Expr *E = Arg->IgnoreImplicit()->IgnoreParens();
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E); C && C->getNumArgs() == 1)
      E = C->getArg(0)->IgnoreImplicit()->IgnoreParens(); // a copy of the closure
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
          V && V->isLocalVarDecl() && V->getInit())
        E = V->getInit()->IgnoreImplicit()->IgnoreParens();
    return llvm::dyn_cast<clang::LambdaExpr>(E);
  }

  static AtomicOp atomicOpOf(const clang::CXXMethodDecl *MD) {
    if (llvm::isa<clang::CXXConversionDecl>(MD))
      return AtomicOp::Load;
    if (const auto *Op = llvm::dyn_cast<clang::CXXMethodDecl>(MD);
        Op && Op->getOverloadedOperator() == clang::OO_Equal)
      return AtomicOp::Store;
    if (!MD->getIdentifier())
      return AtomicOp::ReadModifyWrite; // ++, --, +=, -=, &=, |=, ^=
    llvm::StringRef Name = MD->getName();
    if (Name == "load")
      return AtomicOp::Load;
    if (Name == "store")
      return AtomicOp::Store;
    if (Name.starts_with("fetch_") || Name == "exchange" || Name.starts_with("compare_exchange") ||
        Name == "test_and_set" || Name == "clear")
      return AtomicOp::ReadModifyWrite;
    return AtomicOp::None; // wait, notify_one, is_lock_free…
  }

  /// obj.method(args) and obj op args, where obj is not a mutex or lock.
  void walkMemberCall(const clang::CallExpr *Call, const clang::CXXMethodDecl *MD,
                      const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                      State &S) {
    clang::QualType ObjType = Obj->IgnoreParenImpCasts()->getType();
    if (ObjType->isPointerType())
      ObjType = ObjType->getPointeeType();
    llvm::StringRef Name = MD->getIdentifier() ? MD->getName() : "";

    if (isMutexType(ObjType)) {
      for (const clang::Expr *Arg : Args)
        walk(Arg, S);
      if (Name == "lock" || Name == "lock_shared") {
        HeldLock L = lockOf(Obj);
        L.ReadOnly = Name == "lock_shared";
        S.Held.add(L);
      } else if (Name == "unlock" || Name == "unlock_shared")
        S.Held.remove(lockOf(Obj).Mutex);
      return;
    }
    if (isScopedLockType(ObjType)) {
      if (ScopedLock *L = scopedLockNamed(Obj, S)) {
        if (Name == "unlock" && L->Owns) {
          for (const HeldLock &H : L->Mutexes)
            S.Held.remove(H.Mutex);
          L->Owns = false;
        } else if (Name == "lock" && !L->Owns) {
          for (const HeldLock &H : L->Mutexes)
            S.Held.add(H);
          L->Owns = true;
        }
      }
      walkCall(Call, MD, Args, 0, std::nullopt, S);
      return;
    }
    if (isStdClass(ObjType, {"condition_variable", "condition_variable_any"}) &&
        (Name == "wait" || Name == "wait_for" || Name == "wait_until") && !Args.empty()) {
      walkWait(Args, S);
      return;
    }
    if (isSyncType(ObjType)) {
      walkCall(Call, MD, Args, 0, std::nullopt, S);
      return;
    }

    if (canInline(MD)) {
      // A member function of the user's: its body says what it touches.
      Target T = resolve(Obj);
      bool ThisShared = llvm::isa<clang::CXXThisExpr>(Obj->IgnoreParenImpCasts())
                            ? Frames.back().ThisShared
                            : T.Shared;
      walk(Obj, S);
      walkCall(Call, MD, Args, 0, ThisShared, S);
      return;
    }
    AccessKind Kind = MD->isConst() ? AccessKind::Read : AccessKind::Write;
    AtomicOp Op = AtomicOp::None;
    if (isAtomicType(ObjType)) {
      Op = atomicOpOf(MD);
      Kind = Op == AtomicOp::Load || Op == AtomicOp::None ? AccessKind::Read : AccessKind::Write;
      if (Op == AtomicOp::Store && !Args.empty())
        checkStore(Obj, Args.front(), S);
    } else if (isAccessorName(Name)) {
      // v[i], v.front(): a write only if the element is written.
      auto It = Marks.find(nameOf(Call, true));
      Kind = It != Marks.end() ? It->second.first : AccessKind::Read;
    }
    mark(Obj, Kind, Op);
    walk(Obj, S);
    walkCall(Call, MD, Args, 0, std::nullopt, S);
  }

  // --- Output ------------------------------------------------------------

  /// What one statement writes to a stream.
  struct OutputStmt {
    std::string Stream, StreamName;
    unsigned Parts = 1;
  };

  static bool isOutputStreamType(clang::QualType T) {
    return isStdClass(T, {"basic_ostream", "basic_ostringstream", "basic_ofstream",
                          "basic_osyncstream", "basic_iostream", "basic_stringstream",
                          "basic_fstream"});
  }

  static bool isStdDecl(const clang::Decl *D) {
    return D->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace();
  }

  /// The stream \p E names, if other threads can write to it too: the
  /// console (std::cout, printf… share stdout; std::cerr, std::clog share
  /// stderr) or a shared stream variable. Nothing for a stream of this
  /// thread's own.
  std::optional<std::pair<std::string, std::string>> streamOf(const clang::Expr *E) const {
    Target T = resolve(E);
    if (!T.Decl)
      return std::nullopt;
    if (const auto *V = llvm::dyn_cast<clang::VarDecl>(T.Decl);
        V && V->hasGlobalStorage() && V->getIdentifier() &&
        Ctx.getSourceManager().isInSystemHeader(V->getLocation())) {
      llvm::StringRef Name = V->getName();
      if (Name == "cout" || Name == "wcout")
        return std::make_pair(std::string("stdout"), "std::" + Name.str());
      if (Name == "cerr" || Name == "clog" || Name == "wcerr" || Name == "wclog")
        return std::make_pair(std::string("stderr"), "std::" + Name.str());
      if (Name == "stdout" || Name == "stderr")
        return std::make_pair(Name.str(), Name.str());
      return std::nullopt;
    }
    if (!T.Shared || Ctx.getSourceManager().isInSystemHeader(T.Decl->getLocation()))
      return std::nullopt;
    return std::make_pair("decl:" + std::to_string(reinterpret_cast<uintptr_t>(T.Decl)),
                          "'" + T.Decl->getNameAsString() + "'");
  }

  /// How many separate writes one `<<` operand makes: a manipulator writes
  /// nothing (std::flush, std::hex, std::setw(4), a user's fuzz), except
  /// std::endl and std::ends, which write a character.
  static unsigned partsOf(const clang::Expr *Operand) {
    const clang::Expr *A = Operand->IgnoreParenImpCasts();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(A); U && U->getOpcode() == clang::UO_AddrOf)
      A = U->getSubExpr()->IgnoreParenImpCasts();
    if (A->getType()->isFunctionType() || A->getType()->isFunctionPointerType()) {
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(A))
        if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl());
            F && F->getIdentifier() && isStdDecl(F) && (F->getName() == "endl" || F->getName() == "ends"))
          return 1;
      return 0;
    }
    if (const clang::CXXRecordDecl *R = A->getType()->getAsCXXRecordDecl();
        R && R->getIdentifier() && isStdDecl(R) &&
        (R->getName().starts_with("_Set") || R->getName() == "_Resetiosflags"))
      return 0;
    return 1;
  }

  /// The stream a temporary std::osyncstream(stream) wraps.
  static const clang::Expr *wrappedStream(const clang::Expr *E) {
    while (E) {
      E = E->IgnoreImplicit()->IgnoreParens();
      if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E))
        return C->getNumArgs() > 0 ? C->getArg(0) : nullptr;
      if (const auto *Cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(E)) {
        E = Cast->getSubExpr();
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }

  /// If statement \p S writes to a shared stream, which, and in how many parts.
  std::optional<OutputStmt> outputOf(const clang::Stmt *S) const {
    const auto *E = llvm::dyn_cast_or_null<clang::Expr>(S);
    if (!E)
      return std::nullopt;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Void = llvm::dyn_cast<clang::CStyleCastExpr>(E); Void && Void->getType()->isVoidType())
      E = Void->getSubExpr()->IgnoreImplicit()->IgnoreParens();

    // stream << a << b …: one write per operand.
    unsigned Parts = 0;
    bool Chain = false;
    while (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() != clang::OO_LessLess || Op->getNumArgs() != 2 ||
          !isOutputStreamType(Op->getArg(0)->getType()))
        break;
      Chain = true;
      Parts += partsOf(Op->getArg(1));
      E = Op->getArg(0)->IgnoreImplicit()->IgnoreParens();
    }
    if (Chain) {
      if (isStdClass(E->getType(), {"basic_osyncstream"})) {
        // std::osyncstream(std::cout) << …: emitted whole, in one write;
        // `out << …` on an osyncstream variable: emitted later, whole.
        const clang::Expr *Wrapped = wrappedStream(E);
        if (!Wrapped)
          return std::nullopt;
        auto Stream = streamOf(Wrapped);
        if (!Stream)
          return std::nullopt;
        return OutputStmt{Stream->first, Stream->second, 1};
      }
      auto Stream = streamOf(E);
      if (!Stream)
        return std::nullopt;
      return OutputStmt{Stream->first, Stream->second, Parts};
    }

    // stream.write(…), stream.put(…)
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      const clang::CXXMethodDecl *MD = M->getMethodDecl();
      const clang::Expr *Obj = M->getImplicitObjectArgument();
      if (!MD || !MD->getIdentifier() || !Obj || !isOutputStreamType(Obj->getType()) ||
          isStdClass(Obj->getType(), {"basic_osyncstream"}) ||
          (MD->getName() != "write" && MD->getName() != "put"))
        return std::nullopt;
      auto Stream = streamOf(Obj);
      if (!Stream)
        return std::nullopt;
      return OutputStmt{Stream->first, Stream->second, 1};
    }

    // printf(…), puts(…), fprintf(stream, …), fwrite(…, stream)…: one write each
    // (the C library locks the FILE for the whole call).
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E)) {
      const clang::FunctionDecl *F = Call->getDirectCallee();
      if (!F || !F->getIdentifier() || !Ctx.getSourceManager().isInSystemHeader(F->getLocation()))
        return std::nullopt;
      llvm::StringRef Name = F->getName();
      if (Name == "printf" || Name == "vprintf" || Name == "puts" || Name == "putchar" ||
          Name == "putchar_unlocked")
        return OutputStmt{"stdout", "stdout", 1};
      int StreamArg = llvm::StringSwitch<int>(Name)
                          .Cases("fprintf", "vfprintf", 0)
                          .Cases("fputs", "fputc", "putc", "fputs_unlocked", "fputc_unlocked", 1)
                          .Cases("fwrite", "fwrite_unlocked", 3)
                          .Default(-1);
      if (StreamArg < 0 || static_cast<unsigned>(StreamArg) >= Call->getNumArgs())
        return std::nullopt;
      auto Stream = streamOf(Call->getArg(StreamArg));
      if (!Stream)
        return std::nullopt;
      return OutputStmt{Stream->first, Stream->second, 1};
    }
    return std::nullopt;
  }

  /// m.lock(), m.unlock(), lock.unlock(), pthread_mutex_lock(&m), a
  /// std::lock_guard declaration: changes which locks are held, writes nothing.
  static bool isLockStatement(const clang::Stmt *S) {
    if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S))
      return D->isSingleDecl() && llvm::isa<clang::VarDecl>(D->getSingleDecl()) &&
             isScopedLockType(llvm::cast<clang::VarDecl>(D->getSingleDecl())->getType());
    const auto *E = llvm::dyn_cast<clang::Expr>(S);
    if (!E)
      return false;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      const clang::Expr *Obj = M->getImplicitObjectArgument();
      const clang::CXXMethodDecl *MD = M->getMethodDecl();
      return Obj && MD && MD->getIdentifier() &&
             (isMutexType(Obj->getType()) || isScopedLockType(Obj->getType())) &&
             (MD->getName() == "lock" || MD->getName() == "unlock");
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      if (const clang::FunctionDecl *F = Call->getDirectCallee(); F && F->getIdentifier())
        return F->getName() == "pthread_mutex_lock" || F->getName() == "pthread_mutex_unlock";
    return false;
  }

  /// A record begins at \p S (a statement of the current block).
  std::optional<OutputRecord> startRecord(const OutputStmt &O, const clang::Stmt *S,
                                          const State &St) {
    if (Spawner && Frames.size() == 1)
      RootLoc = S->getBeginLoc();
    OutputRecord R;
    if (!whoIsRunning(R.Spawner, R.Running, R.Entry))
      return std::nullopt; // the spawning function alone: not thread context
    R.Stream = O.Stream;
    R.StreamName = O.StreamName;
    R.Loc = R.LastLoc = S->getBeginLoc();
    R.Parts = O.Parts;
    R.Held = St.Held;
    R.Function = Frames.back().Function;
    return R;
  }

  /// A statement that is the whole body of an if or a loop: a record alone.
  void walkBody(const clang::Stmt *Body, State &St) {
    if (Body && !llvm::isa<clang::CompoundStmt>(Body))
      if (auto O = outputOf(Body))
        if (auto R = startRecord(*O, Body, St))
          Out.Output.push_back(std::move(*R));
    walk(Body, St);
  }

  // --- The walk ----------------------------------------------------------

  void walkChildren(const clang::Stmt *S, State &St) {
    for (const clang::Stmt *Child : S->children())
      walk(Child, St);
  }

  void walk(const clang::Stmt *S, State &St) {
    if (!S || Budget >= StatementBudget)
      return;
    ++Budget;
    if (Spawner) {
      // The arguments of a start are evaluated before the thread runs.
      if (const auto *E = llvm::dyn_cast<clang::Expr>(S); E && Model.isSpawn(E))
        return;
      if (Frames.size() == 1)
        RootLoc = S->getBeginLoc(); // where the spawning function is
    }

    if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S)) {
      size_t Keep = St.Scoped.size();
      // Adjacent statements writing to the same stream form one record;
      // any other statement ends it.
      std::optional<OutputRecord> Record;
      for (const clang::Stmt *Child : C->body()) {
        std::optional<OutputStmt> O = outputOf(Child);
        if (Record && !O && isLockStatement(Child)) {
          walk(Child, St); // m.unlock() between two parts does not end the record
          continue;
        }
        if (Record && (!O || O->Stream != Record->Stream)) {
          Out.Output.push_back(std::move(*Record));
          Record.reset();
        }
        if (O && Record) {
          Record->Parts += O->Parts;
          Record->Held = Record->Held.intersect(St.Held);
          Record->LastLoc = Child->getBeginLoc();
        } else if (O) {
          Record = startRecord(*O, Child, St);
        }
        walk(Child, St);
      }
      if (Record)
        Out.Output.push_back(std::move(*Record));
      releaseScoped(St, Keep);
      return;
    }
    if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S)) {
      for (const clang::Decl *Decl : D->decls()) {
        const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl);
        if (!V || !V->getInit())
          continue;
        walk(V->getInit(), St);
        if (isScopedLockType(V->getType()))
          acquireScoped(V, St);
        else
          noteLocalValue(V, V->getInit());
      }
      return;
    }
    if (const auto *If = llvm::dyn_cast<clang::IfStmt>(S)) {
      walk(If->getInit(), St);
      walk(If->getConditionVariableDeclStmt(), St);
      walk(If->getCond(), St);
      State Then = St, Else = St;
      walkBody(If->getThen(), Then);
      walkBody(If->getElse(), Else);
      merge(St, std::move(Then), std::move(Else));
      return;
    }
    if (const auto *For = llvm::dyn_cast<clang::ForStmt>(S)) {
      walk(For->getInit(), St);
      walk(For->getCond(), St);
      State Body = St;
      walkBody(For->getBody(), Body);
      walk(For->getInc(), Body);
      merge(St, St, std::move(Body));
      return;
    }
    if (const auto *While = llvm::dyn_cast<clang::WhileStmt>(S)) {
      walk(While->getConditionVariableDeclStmt(), St);
      walk(While->getCond(), St);
      State Body = St;
      walkBody(While->getBody(), Body);
      merge(St, St, std::move(Body));
      return;
    }
    if (const auto *Do = llvm::dyn_cast<clang::DoStmt>(S)) {
      State Body = St;
      walkBody(Do->getBody(), Body);
      walk(Do->getCond(), Body);
      merge(St, St, std::move(Body));
      return;
    }
    if (const auto *Range = llvm::dyn_cast<clang::CXXForRangeStmt>(S)) {
      walk(Range->getInit(), St);
      walk(Range->getRangeInit(), St);
      State Body = St;
      walkBody(Range->getBody(), Body);
      merge(St, St, std::move(Body));
      return;
    }
    if (const auto *Switch = llvm::dyn_cast<clang::SwitchStmt>(S)) {
      walk(Switch->getInit(), St);
      walk(Switch->getCond(), St);
      State Body = St;
      walk(Switch->getBody(), Body);
      merge(St, St, std::move(Body));
      return;
    }
    if (llvm::isa<clang::LambdaExpr>(S))
      return; // creating a closure runs nothing; its body runs where it is called
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(S)) {
      const auto *MD = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(Op->getDirectCallee());
      if (MD && Op->getNumArgs() > 0) {
        walkMemberCall(Op, MD, Op->getArg(0),
                       llvm::ArrayRef(Op->getArgs() + 1, Op->getNumArgs() - 1), St);
        return;
      }
      const clang::FunctionDecl *F = Op->getDirectCallee();
      walkCall(Op, F, llvm::ArrayRef(Op->getArgs(), Op->getNumArgs()), 0, std::nullopt, St);
      return;
    }
    if (const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(S)) {
      const clang::CXXMethodDecl *MD = Call->getMethodDecl();
      const clang::Expr *Obj = Call->getImplicitObjectArgument();
      if (MD && Obj) {
        walkMemberCall(Call, MD, Obj, llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()), St);
        return;
      }
      walkChildren(S, St);
      return;
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S)) {
      walk(Call->getCallee(), St);
      walkCall(Call, Call->getDirectCallee(), llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()),
               0, std::nullopt, St);
      return;
    }
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(S)) {
      if (B->isAssignmentOp()) {
        mark(B->getLHS(), AccessKind::Write);
        walk(B->getRHS(), St);
        walk(B->getLHS(), St);
        if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
          if (B->getOpcode() == clang::BO_Assign)
            noteLocalValue(llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()), B->getRHS());
        return;
      }
    }
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(S)) {
      if (U->isIncrementDecrementOp())
        mark(U->getSubExpr(), AccessKind::Write);
    }
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(S)) {
      record(Ref, St);
      return;
    }
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(S)) {
      if (llvm::isa<clang::CXXThisExpr>(M->getBase()->IgnoreParenImpCasts())) {
        record(M, St);
        return;
      }
    }
    walkChildren(S, St);
  }

  clang::ASTContext &Ctx;
  const ThreadModel &Model;
  unsigned EntryIndex;
  ThreadAccesses &Out;
  llvm::SmallVector<Frame, 8> Frames;
  llvm::DenseMap<const clang::Expr *, std::pair<AccessKind, AtomicOp>> Marks;
  /// Names whose marked access goes through an atomic subobject.
  llvm::DenseSet<const clang::Expr *> AtomicNames;
  unsigned Budget = 0;
  /// Set when walking a spawning function rather than a thread entry.
  const SpawnWindow *Spawner = nullptr;
  /// The spawning function's own statement being walked (calls are inlined).
  clang::SourceLocation RootLoc;
};

} // namespace

ThreadAccesses analyseThreadAccesses(clang::ASTContext &Ctx, const ThreadModel &Model) {
  ThreadAccesses Out;
  for (unsigned I = 0; I < Model.entries().size(); ++I)
    EntryWalker(Ctx, Model, I, Out).run();
  for (const SpawnWindow *W : Model.spawningFunctions())
    EntryWalker(Ctx, Model, *W, Out).run();
  return Out;
}

} // namespace racelab
