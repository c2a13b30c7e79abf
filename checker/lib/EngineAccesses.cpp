//===- EngineAccesses.cpp - the accesses the engine records -------------===//
//
// An access is recorded with the memory it reaches (its access path), the
// name the code gives it there (what a message quotes), the facts that held
// (a snapshot of the FlowState) and how a pointer it went through was
// published.
//
//===----------------------------------------------------------------------===//
#include "lib/Engine.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace racelab {

namespace {

/// Where a message points for an access: the variable's or member's name.
clang::SourceLocation nameLoc(const clang::Expr *E) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
      return Ref->getLocation();
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E)) {
      if (llvm::isa<clang::CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
        return M->getMemberLoc();
      E = M->getBase();
      continue;
    }
    if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E)) {
      E = A->getBase();
      continue;
    }
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E); Op && Op->getNumArgs() > 0) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      E = M->getImplicitObjectArgument();
      continue;
    }
    break;
  }
  return E ? E->getExprLoc() : clang::SourceLocation();
}

std::string deref(const std::string &Pointer) { return Pointer.empty() ? "" : "*" + Pointer; }

/// How the code names the memory \p E designates: `counter`, `s.value`,
/// `items_` (through `this`), `p->x`, `*p`; elements are named by their
/// container. Empty when it is not a plain name.
std::string writtenName(const clang::Expr *E, int Depth = 0) {
  if (!E || Depth > 8)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
    return Ref->getDecl()->getNameAsString();
  if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E)) {
    std::string Member = M->getMemberDecl()->getNameAsString();
    const clang::Expr *Base = M->getBase()->IgnoreParenImpCasts();
    if (llvm::isa<clang::CXXThisExpr>(Base))
      return Member;
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(Base);
        Op && Op->getOperator() == clang::OO_Arrow && Op->getNumArgs() == 1)
      Base = Op->getArg(0); // sp->x on a smart pointer
    std::string Outer = writtenName(Base, Depth + 1);
    if (!Outer.empty() && Outer[0] == '*')
      Outer = "(" + Outer + ")";
    return Outer.empty() ? "" : Outer + (M->isArrow() ? "->" : ".") + Member;
  }
  if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E))
    return writtenName(A->getBase(), Depth + 1);
  if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E); Op && Op->getNumArgs() >= 1) {
    if (Op->getOperator() == clang::OO_Subscript)
      return writtenName(Op->getArg(0), Depth + 1);
    if (Op->getOperator() == clang::OO_Star)
      return deref(writtenName(Op->getArg(0), Depth + 1)); // *it, *sp
  }
  if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E); U && U->getOpcode() == clang::UO_Deref)
    return deref(writtenName(U->getSubExpr(), Depth + 1));
  // v.front(), v.at(i): an element, named by its container. (A getter of
  // the user's names something else: the access is named by its path.)
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E);
      M && M->getMethodDecl() && isInStd(M->getMethodDecl()))
    return writtenName(M->getImplicitObjectArgument(), Depth + 1);
  return "";
}

/// The pointer \p E reaches its memory through (`p` of `p->x`, `*p`, `p[i]`,
/// `*sp`), if any.
const clang::Expr *pointerOf(const clang::Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E)) {
      if (M->isArrow())
        return M->getBase();
      E = M->getBase();
    } else if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E);
               U && U->getOpcode() == clang::UO_Deref) {
      return U->getSubExpr();
    } else if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
               Op && Op->getNumArgs() == 1 &&
               (Op->getOperator() == clang::OO_Star || Op->getOperator() == clang::OO_Arrow)) {
      return Op->getArg(0);
    } else if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E)) {
      if (A->getBase()->getType()->isPointerType())
        return A->getBase();
      E = A->getBase();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

} // namespace

bool Engine::tracked(const AccessPath &P, clang::QualType T) const {
  if (P.Kind == AccessPath::Root::Stream)
    return false;
  // Through a pointer or into a container, the declaration names the
  // pointer or the container, not the memory: only the expression's type says.
  bool Named = P.Steps.empty() || P.Steps.back().K == PathStep::Field;
  const auto *D = Named ? llvm::dyn_cast_or_null<clang::ValueDecl>(P.namedDecl()) : nullptr;
  clang::QualType DT = D ? D->getType() : T;
  if (isSyncType(DT) || isSyncType(T) || DT->isFunctionType())
    return false;
  if (!isAtomicType(DT) && DT.getNonReferenceType().isConstQualified() &&
      (P.Steps.empty() || P.Steps.back().K == PathStep::Field))
    return false;
  if (const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(D); V && V->isConstexpr())
    return false;
  if (D && SM.isInSystemHeader(D->getLocation()))
    return false;
  if (P.Decl && SM.isInSystemHeader(P.Decl->getLocation()))
    return false;
  return true;
}

void Engine::record(const clang::Expr *E, AccessKind K, AtomicOp Op, FlowState &St,
                    clang::SourceLocation Loc) {
  if (!Emit || !St.Live)
    return;
  if (!context().IsThread && St.Running.empty())
    return; // a root's code with none of its threads running: it runs alone
  Binding Via;
  if (const clang::Expr *Pointer = pointerOf(E))
    resolvePointee(Pointer, &Via); // how the pointer was published
  size_t Before = Out.Accesses.size();
  recordPath(resolvePath(E), E->getType(), Loc.isValid() ? Loc : nameLoc(E), K, Op, Via, St);
  if (Out.Accesses.size() > Before) {
    Out.Accesses.back().Name = writtenName(E);
    Out.Accesses.back().Getter = getterOf(E);
  }
}

const clang::FunctionDecl *Engine::getterOf(const clang::Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E))
      E = M->getBase();
    else if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E))
      E = A->getBase();
    else if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E))
      return frame().LockedResults.count(Call) ? Call->getDirectCallee() : nullptr;
    else
      return nullptr;
  }
  return nullptr;
}

void Engine::recordPath(const AccessPath &P, clang::QualType T, clang::SourceLocation Loc,
                        AccessKind K, AtomicOp Op, const Binding &Via, FlowState &St) {
  if (!Emit || !St.Live || !P.valid() || !tracked(P, T))
    return;
  Context &C = context();
  if (!C.IsThread && St.Running.empty())
    return;
  if (P.Owned && !C.RecordOwned)
    return;
  Access A;
  A.Path = P;
  A.Loc = Loc;
  A.Kind = K;
  A.Op = Op;
  bool Named = P.Steps.empty() || P.Steps.back().K == PathStep::Field;
  const auto *D = Named ? llvm::dyn_cast_or_null<clang::ValueDecl>(A.Path.namedDecl()) : nullptr;
  A.IsAtomic = isAtomicType(T) || (D && isAtomicType(D->getType()));
  A.Context = C.Id;
  A.State = snapshot(St);
  A.Function = frame().Function;
  A.PublishedBy = Via.PublishedBy;
  A.RelaxedVia = Via.RelaxedVia;
  Out.Accesses.push_back(std::move(A));
}

std::optional<std::pair<std::string, std::string>> Engine::streamOf(const clang::Expr *E) {
  AccessPath P = resolvePath(E);
  if (!P.valid())
    return std::nullopt;
  if (const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(P.Decl);
      V && P.Steps.empty() && V->hasGlobalStorage() && V->getIdentifier() &&
      SM.isInSystemHeader(V->getLocation())) {
    llvm::StringRef Name = V->getName();
    if (Name == "cout" || Name == "wcout")
      return std::make_pair(std::string("stdout"), "std::" + Name.str());
    if (Name == "cerr" || Name == "clog" || Name == "wcerr" || Name == "wclog")
      return std::make_pair(std::string("stderr"), "std::" + Name.str());
    if (Name == "stdout" || Name == "stderr")
      return std::make_pair(Name.str(), Name.str());
    return std::nullopt;
  }
  if (P.Owned || (P.Decl && SM.isInSystemHeader(P.Decl->getLocation())))
    return std::nullopt; // this thread's own stream: it reaches the console later, whole
  std::string Id = "path:" + std::to_string(reinterpret_cast<uintptr_t>(P.Decl)) + ":" + P.spelling();
  return std::make_pair(Id, "'" + P.spelling() + "'");
}

} // namespace racelab
