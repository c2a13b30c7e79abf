//===- EnginePaths.cpp - what the expressions of followed code name -------===//
#include "lib/Engine.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

/// Member functions that hand out an element of their object (by reference
/// or iterator): the access is to the element, made by whoever uses it.
bool isElementAccessor(llvm::StringRef Name) {
  static const llvm::StringRef Names[] = {"at", "front", "back", "top", "value", "operator*",
                                          "operator[]", "operator->"};
  return llvm::is_contained(Names, Name);
}

bool isIteratorFactory(llvm::StringRef Name) {
  static const llvm::StringRef Names[] = {"begin", "end", "cbegin", "cend", "rbegin", "rend",
                                          "data", "find", "lower_bound", "upper_bound"};
  return llvm::is_contained(Names, Name);
}

} // namespace

const Binding *Engine::bindingOf(const clang::VarDecl *V, bool) {
  auto It = frame().Vars.find(V);
  return It == frame().Vars.end() ? nullptr : &It->second;
}

AccessPath Engine::resolveVar(const clang::VarDecl *V, bool ViaCapture) {
  if (const Binding *B = bindingOf(V, ViaCapture); B && B->K == Binding::Alias)
    return B->Path;
  AccessPath P;
  P.Decl = V;
  if (V->hasGlobalStorage() && V->getTLSKind() == clang::VarDecl::TLS_None) {
    P.Kind = AccessPath::Root::Global;
    return P;
  }
  // A local, a parameter, or a thread_local: this code's own.
  P.Kind = AccessPath::Root::Local;
  P.Owned = true;
  return P;
}

AccessPath Engine::resolvePath(const clang::Expr *E) {
  for (int Guard = 0; E && Guard < 64; ++Guard) {
    E = E->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E)) {
      switch (Cast->getCastKind()) {
      case clang::CK_NoOp:
      case clang::CK_LValueToRValue:
      case clang::CK_DerivedToBase:
      case clang::CK_UncheckedDerivedToBase:
      case clang::CK_AtomicToNonAtomic:
      case clang::CK_NonAtomicToAtomic:
        E = Cast->getSubExpr();
        continue;
      default:
        return {};
      }
    }
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
        return resolveVar(V, Ref->refersToEnclosingVariableOrCapture());
      return {};
    }
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(M->getMemberDecl()))
        return resolveVar(V, false); // a static member
      const auto *F = llvm::dyn_cast<clang::FieldDecl>(M->getMemberDecl());
      if (!F)
        return {};
      const clang::Expr *Base = M->getBase()->IgnoreParenImpCasts();
      AccessPath BP = llvm::isa<clang::CXXThisExpr>(Base) ? frame().This
                      : M->isArrow()                      ? resolvePointee(M->getBase())
                                                          : resolvePath(M->getBase());
      return BP.valid() ? BP.withField(F) : AccessPath();
    }
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      if (U->getOpcode() == clang::UO_Deref)
        return resolvePointee(U->getSubExpr());
      return {};
    }
    if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E)) {
      const clang::Expr *Base = A->getBase()->IgnoreParens();
      AccessPath BP;
      if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(Base);
          Cast && Cast->getCastKind() == clang::CK_ArrayToPointerDecay)
        BP = resolvePath(Cast->getSubExpr());
      else
        BP = resolvePointee(Base);
      return BP.valid() ? BP.withElement(indexInfo(A->getIdx())) : AccessPath();
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() == 2) {
        AccessPath BP = resolvePath(Op->getArg(0));
        return BP.valid() ? BP.withElement(indexInfo(Op->getArg(1))) : AccessPath();
      }
      if ((Op->getOperator() == clang::OO_Star || Op->getOperator() == clang::OO_Arrow) &&
          Op->getNumArgs() == 1)
        return resolvePointee(Op->getArg(0));
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E)) {
      if (auto It = frame().CallResults.find(Call); It != frame().CallResults.end())
        return It->second;
      // std::move(x), std::forward(x), std::as_const(x): x itself.
      if (const clang::FunctionDecl *F = Call->getDirectCallee();
          F && Call->getNumArgs() == 1 && F->getIdentifier() && isInStd(F) &&
          (F->getName() == "move" || F->getName() == "forward" || F->getName() == "as_const")) {
        E = Call->getArg(0);
        continue;
      }
      if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call)) {
        const clang::CXXMethodDecl *MD = M->getMethodDecl();
        if (MD && isElementAccessor(MD->getNameAsString()) && M->getImplicitObjectArgument() &&
            isInStd(MD->getParent())) {
          AccessPath BP = resolvePath(M->getImplicitObjectArgument());
          IndexInfo I;
          if (MD->getName() == "at" && M->getNumArgs() == 1)
            I = indexInfo(M->getArg(0));
          return BP.valid() ? BP.withElement(I) : AccessPath();
        }
      }
      return {};
    }
    return {};
  }
  return {};
}

AccessPath Engine::resolvePointee(const clang::Expr *E, Binding *Via) {
  for (int Guard = 0; E && Guard < 64; ++Guard) {
    E = E->IgnoreParens();
    // A pointer handed on as a temporary still points where it pointed.
    if (const auto *M = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *C = llvm::dyn_cast<clang::ExprWithCleanups>(E)) {
      E = C->getSubExpr();
      continue;
    }
    if (const auto *B = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    // A copy of a pointer (a shared_ptr captured by value) points where it
    // did; a smart pointer made from a raw one points where that one does.
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(E);
        C && C->getNumArgs() >= 1 &&
        (C->getConstructor()->isCopyOrMoveConstructor() ||
         (isPointerLikeClass(C->getType()) && C->getArg(0)->getType()->isPointerType()))) {
      E = C->getArg(0);
      continue;
    }
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(E)) {
      if (Cast->getCastKind() == clang::CK_ArrayToPointerDecay) {
        AccessPath P = resolvePath(Cast->getSubExpr());
        return P.valid() ? P.withElement(IndexInfo()) : P;
      }
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr(); // static_cast<Data *>(arg): still what arg points to
      continue;
    }
    if (llvm::isa<clang::CXXThisExpr>(E))
      return frame().This;
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      if (U->getOpcode() == clang::UO_AddrOf)
        return resolvePath(U->getSubExpr());
      if (U->isIncrementDecrementOp()) {
        E = U->getSubExpr();
        continue;
      }
    }
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl())) {
        const Binding *B = bindingOf(V, Ref->refersToEnclosingVariableOrCapture());
        if (B && B->K == Binding::PointsTo) {
          if (Via)
            *Via = *B;
          return B->Path;
        }
        AccessPath P = resolveVar(V, Ref->refersToEnclosingVariableOrCapture());
        return P.valid() ? P.withDeref() : P;
      }
      return {};
    }
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(E);
        B && (B->getOpcode() == clang::BO_Add || B->getOpcode() == clang::BO_Sub)) {
      // p + i: an element of what p points to.
      const clang::Expr *Pointer =
          B->getLHS()->getType()->isPointerType() ? B->getLHS() : B->getRHS();
      AccessPath P = resolvePointee(Pointer, Via);
      if (P.valid() && (P.Steps.empty() || P.Steps.back().K != PathStep::Element))
        P = P.withElement(IndexInfo());
      return P;
    }
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      const clang::CXXMethodDecl *MD = M->getMethodDecl();
      const clang::Expr *Obj = M->getImplicitObjectArgument();
      if (MD && Obj && MD->getIdentifier()) {
        if (MD->getName() == "get" && isPointerLikeClass(Obj->getType()))
          return resolvePointee(Obj, Via);
        if (isIteratorFactory(MD->getName()) && isInStd(MD->getParent())) {
          AccessPath P = resolvePath(Obj);
          return P.valid() ? P.withElement(IndexInfo()) : P;
        }
      }
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E); Op && Op->getNumArgs() >= 1) {
      if (Op->getOperator() == clang::OO_PlusPlus || Op->getOperator() == clang::OO_MinusMinus ||
          Op->getOperator() == clang::OO_Plus || Op->getOperator() == clang::OO_Minus ||
          Op->getOperator() == clang::OO_Arrow) {
        E = Op->getArg(0);
        continue;
      }
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E); Call && Call->getNumArgs() == 1)
      if (const clang::FunctionDecl *F = Call->getDirectCallee();
          F && F->getIdentifier() && isInStd(F) &&
          (F->getName() == "begin" || F->getName() == "data" || F->getName() == "addressof")) {
        AccessPath P = resolvePath(Call->getArg(0));
        return P.valid() && F->getName() != "addressof" ? P.withElement(IndexInfo()) : P;
      }
    if (llvm::isa<clang::CXXNewExpr, clang::CallExpr, clang::CXXConstructExpr>(E) ||
        E->getType()->isNullPtrType())
      return {}; // a fresh object, or one we cannot see
    AccessPath P = resolvePath(E);
    if (P.valid() && isPointerLikeClass(E->getType()) && !P.Steps.empty() &&
        P.Steps.back().K == PathStep::Field)
      return P.withDeref();
    return P.valid() ? P.withDeref() : P;
  }
  return {};
}

IndexInfo Engine::indexInfo(const clang::Expr *E, int Depth) {
  IndexInfo Unknown;
  if (!E || Depth > 6)
    return Unknown;
  E = E->IgnoreParenImpCasts();
  if (!E->isValueDependent()) {
    clang::Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx)) {
      IndexInfo I;
      I.K = IndexInfo::Constant;
      I.Value = R.Val.getInt().getExtValue();
      return I;
    }
  }
  // slots[next.fetch_add(1)]: every call hands out another index.
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E))
    if (const clang::CXXMethodDecl *MD = M->getMethodDecl();
        MD && MD->getIdentifier() && isAtomicType(M->getImplicitObjectArgument()->getType()) &&
        (MD->getName() == "fetch_add" || MD->getName() == "fetch_sub")) {
      IndexInfo I;
      I.K = IndexInfo::Claimed;
      return I;
    }
  if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() >= 1 && isAtomicType(Op->getArg(0)->getType()) &&
      (Op->getOperator() == clang::OO_PlusPlus || Op->getOperator() == clang::OO_MinusMinus)) {
    IndexInfo I;
    I.K = IndexInfo::Claimed;
    return I;
  }
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
    const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
    if (!V)
      return Unknown;
    if (auto It = frame().Values.find(V); It != frame().Values.end())
      return It->second;
    FunctionInfo *Info = infoFor(frame().Function);
    // A variable that differs on each iteration of a loop that starts threads.
    for (const clang::Stmt *Loop : Info->SpawnLoops) {
      bool Inside = SM.isBeforeInTranslationUnit(Loop->getBeginLoc(), V->getLocation()) &&
                    SM.isBeforeInTranslationUnit(V->getLocation(), Loop->getEndLoc());
      if (Inside || (V->isLocalVarDecl() && Info->Modified.count(V) &&
                     SM.isBeforeInTranslationUnit(V->getLocation(), Loop->getBeginLoc()))) {
        IndexInfo I;
        I.K = IndexInfo::PerIteration;
        I.Loop = Loop;
        // Declared inside: it differs only if computed from what differs.
        if (Inside && V->getInit() && !llvm::isa<clang::CXXForRangeStmt>(Loop)) {
          IndexInfo FromInit = indexInfo(V->getInit(), Depth + 1);
          bool LoopVar = false;
          if (const auto *For = llvm::dyn_cast<clang::ForStmt>(Loop))
            if (const auto *DS = llvm::dyn_cast_or_null<clang::DeclStmt>(For->getInit()))
              LoopVar = llvm::is_contained(DS->decls(), V);
          if (!LoopVar && FromInit.K != IndexInfo::PerIteration)
            continue;
        }
        return I;
      }
    }
    if (V->isLocalVarDecl() && V->getInit()) {
      IndexInfo FromInit = indexInfo(V->getInit(), Depth + 1);
      if (FromInit.K == IndexInfo::PerIteration)
        return FromInit; // begin = id * chunk, and a loop from there
      if (FromInit.Arg) {
        if (Info->Modified.count(V))
          FromInit.K = IndexInfo::ByArgument; // a loop from what the thread was given
        return FromInit;
      }
      if (!Info->Modified.count(V) && !V->getType()->isReferenceType())
        return FromInit; // a constant, or a claimed slot
    }
    return Unknown;
  }
  // Any operand that differs per iteration makes the result differ (id *
  // chunk + k): generous, as a student's chunking is meant to.
  IndexInfo Result = Unknown;
  for (const clang::Stmt *Child : E->children())
    if (const auto *CE = llvm::dyn_cast_or_null<clang::Expr>(Child)) {
      IndexInfo I = indexInfo(CE, Depth + 1);
      if (I.K == IndexInfo::PerIteration)
        return I;
      if (I.Arg) {
        Result = I;
        Result.K = IndexInfo::ByArgument;
      }
    }
  return Result;
}

const clang::Expr *Engine::callableOf(const clang::VarDecl *V) {
  if (auto It = frame().Callables.find(V); It != frame().Callables.end())
    return It->second;
  if (V->getInit() && !llvm::isa<clang::ParmVarDecl>(V))
    return V->getInit();
  llvm::ArrayRef<const clang::Expr *> Stored = Model.storedCallables(V);
  return Stored.empty() ? nullptr : Stored.front();
}

Binding Engine::bindArgument(const clang::Expr *Arg, clang::QualType ParamType) {
  Binding B;
  if (const clang::Expr *Ref = refArgument(Arg)) {
    B.K = Binding::Alias;
    B.Path = resolvePath(Ref);
    return B;
  }
  if (ParamType->isReferenceType()) {
    const clang::Expr *E = Arg;
    if (const auto *M = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(E->IgnoreParens()))
      E = M->getSubExpr(); // a temporary: nothing shared
    else {
      B.K = Binding::Alias;
      B.Path = resolvePath(E);
      if (!B.Path.valid() && (ParamType.getNonReferenceType()->isPointerType() ||
                              isPointerLikeClass(ParamType.getNonReferenceType()))) {
        B.K = Binding::PointsTo;
        B.Path = resolvePointee(E, &B);
      }
    }
    return B;
  }
  if (ParamType->isPointerType() || isPointerLikeClass(ParamType)) {
    B.K = Binding::PointsTo;
    B.Path = resolvePointee(Arg, &B);
  }
  return B;
}

Frame *Engine::creatorOf(const clang::LambdaExpr *L, bool &FromStarter) {
  FromStarter = false;
  const auto *Enclosing = llvm::dyn_cast<clang::FunctionDecl>(L->getLambdaClass()->getDeclContext());
  for (auto It = Stack.rbegin(); It != Stack.rend(); ++It)
    if ((*It)->Function == Enclosing)
      return *It;
  Context &C = context();
  if (C.Creator && C.Creator->Function == Enclosing) {
    FromStarter = true;
    return C.Creator.get();
  }
  return &frame();
}

void Engine::bindCaptures(Frame &Fr, const clang::LambdaExpr *L) {
  // What the lambda captured is resolved where it was made.
  bool FromStarter = false;
  Frame *Creator = creatorOf(L, FromStarter);
  Stack.push_back(Creator);
  bindCapturesHere(Fr, L);
  Stack.pop_back();
  if (FromStarter) {
    // The starter's memory, not this thread's own.
    for (auto &[V, B] : Fr.Vars)
      B.Path.Owned = false;
    if (Fr.This.valid())
      Fr.This.Owned = false;
  }
}

void Engine::bindCapturesHere(Frame &Fr, const clang::LambdaExpr *L) {
  auto Init = L->capture_init_begin();
  for (const clang::LambdaCapture &C : L->captures()) {
    const clang::Expr *InitExpr = Init != L->capture_init_end() ? *Init : nullptr;
    ++Init;
    if (C.capturesThis()) {
      Fr.This = frame().This;
      if (C.getCaptureKind() == clang::LCK_StarThis)
        Fr.This.Owned = true; // [*this]: a copy of the object
      continue;
    }
    if (!C.capturesVariable())
      continue;
    const auto *V = llvm::dyn_cast<clang::VarDecl>(C.getCapturedVar());
    if (!V)
      continue;
    clang::QualType T = V->getType().getNonReferenceType();
    const clang::Expr *Value = V->isInitCapture() ? V->getInit() : InitExpr;
    if (C.getCaptureKind() == clang::LCK_ByRef) {
      Binding B;
      B.K = Binding::Alias;
      B.Path = V->isInitCapture() && Value ? resolvePath(Value) : resolveVar(V, true);
      if (const Binding *Outer = bindingOf(V, true); Outer && Outer->K == Binding::PointsTo)
        B = *Outer; // a pointer captured by reference points where it pointed
      if (B.Path.valid())
        Fr.Vars[V] = B;
    } else if ((T->isPointerType() || isPointerLikeClass(T)) && Value) {
      Binding B;
      B.K = Binding::PointsTo;
      B.Path = resolvePointee(Value, &B);
      if (B.Path.valid())
        Fr.Vars[V] = B;
    }
    if (Value) {
      IndexInfo I = indexInfo(Value);
      if (I.K != IndexInfo::Unknown)
        Fr.Values[V] = I;
    }
    if (const clang::Expr *Callable = V->isInitCapture() ? Value : callableOf(V))
      if (T->isFunctionPointerType() || isStdClass(T, {"function"}) ||
          (T->getAsCXXRecordDecl() && T->getAsCXXRecordDecl()->isLambda()))
        Fr.Callables[V] = Callable;
  }
}

SyncKey Engine::syncKey(const AccessPath &P) const {
  const clang::NamedDecl *D = P.namedDecl();
  if (!D)
    return nullptr;
  if (const auto *V = llvm::dyn_cast<clang::ValueDecl>(D))
    if (auto It = SyncAliases.find(V); It != SyncAliases.end())
      return It->second;
  return D;
}

SyncKey Engine::syncKey(const clang::Expr *E) { return syncKey(resolvePath(E)); }

const clang::ValueDecl *Engine::handleOf(const clang::Expr *E) {
  AccessPath P = resolvePath(E);
  if (!P.valid()) {
    // &ids[i], a pointer to the handle.
    P = resolvePointee(E);
    if (!P.valid())
      return nullptr;
  }
  if (P.Kind == AccessPath::Root::This) {
    for (const PathStep &S : P.Steps)
      if (S.K == PathStep::Field)
        return S.Member;
    return nullptr;
  }
  // A thread member of a named object (`spinner.worker_`, reached through
  // `this` in a member function the caller inlined): the member is the handle.
  if (!P.Steps.empty() && P.Steps.back().K == PathStep::Field)
    return P.Steps.back().Member;
  return llvm::dyn_cast_or_null<clang::ValueDecl>(P.Decl);
}

} // namespace racelab
