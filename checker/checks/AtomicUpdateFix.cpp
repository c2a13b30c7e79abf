//===- AtomicUpdateFix.cpp ------------------------------------------------===//
//
// The fix is offered only when it changes nothing but the lost update:
// - the store is a statement of its own (its value, if any, is not used);
// - store and load use the default memory order (fetch_add's is the same);
// - the atomic holds an integer other than bool (fetch_add exists, and wraps
//   as the store of the converted sum does), and the amount is an integer
//   expression without side effects (evaluated once either way);
// - the stored value is `load + k`, `k + load` or `load - k` of the same
//   atomic object, spelled without macros (the replacement is source text).
//
//===----------------------------------------------------------------------===//
#include "checks/AtomicUpdateFix.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

bool isDefaultArgument(const clang::Expr *E) { return llvm::isa<clang::CXXDefaultArgExpr>(E); }

/// The atomic object \p E loads with the default order (`a.load()` or the
/// implicit conversion of `a`), or null.
const clang::Expr *loadedObject(const clang::Expr *E) {
  const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  if (!Call || !Call->getMethodDecl())
    return nullptr;
  const clang::CXXMethodDecl *MD = Call->getMethodDecl();
  bool Load = llvm::isa<clang::CXXConversionDecl>(MD) ||
              (MD->getIdentifier() && MD->getName() == "load" &&
               llvm::all_of(Call->arguments(), isDefaultArgument));
  return Load ? Call->getImplicitObjectArgument()->IgnoreParenImpCasts() : nullptr;
}

/// Do \p A and \p B name the same object, spelled without side effects: the
/// same variable, the same member of the same object, `*p` of the same p.
bool sameObject(const clang::Expr *A, const clang::Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (A->getStmtClass() != B->getStmtClass())
    return false;
  if (llvm::isa<clang::CXXThisExpr>(A))
    return true;
  if (const auto *RA = llvm::dyn_cast<clang::DeclRefExpr>(A))
    return RA->getDecl() == llvm::cast<clang::DeclRefExpr>(B)->getDecl();
  if (const auto *MA = llvm::dyn_cast<clang::MemberExpr>(A)) {
    const auto *MB = llvm::cast<clang::MemberExpr>(B);
    return MA->getMemberDecl() == MB->getMemberDecl() && MA->isArrow() == MB->isArrow() &&
           sameObject(MA->getBase(), MB->getBase());
  }
  if (const auto *UA = llvm::dyn_cast<clang::UnaryOperator>(A))
    return UA->getOpcode() == clang::UO_Deref &&
           llvm::cast<clang::UnaryOperator>(B)->getOpcode() == clang::UO_Deref &&
           sameObject(UA->getSubExpr(), llvm::cast<clang::UnaryOperator>(B)->getSubExpr());
  return false;
}

/// Is \p E a whole statement (nothing reads its value)?
bool isStatement(const clang::Expr *E, clang::ASTContext &Ctx) {
  const clang::Stmt *S = E;
  for (;;) {
    auto Parents = Ctx.getParents(*S);
    if (Parents.size() != 1)
      return false;
    if (const auto *Cleanups = Parents[0].get<clang::ExprWithCleanups>()) {
      S = Cleanups;
      continue;
    }
    return Parents[0].get<clang::CompoundStmt>() != nullptr;
  }
}

/// The source text of \p E, or "" when a macro spells part of it.
std::string textOf(const clang::Expr *E, clang::ASTContext &Ctx) {
  clang::SourceRange R = E->getSourceRange();
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "";
  return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(R), Ctx.getSourceManager(),
                                     Ctx.getLangOpts())
      .str();
}

struct StoreParts {
  const clang::Expr *Object = nullptr; ///< the atomic stored to
  const clang::Expr *Value = nullptr;  ///< what is stored, converted to the atomic's type
};

/// `a.store(v)` (default order) or `a = v` on a std::atomic.
std::optional<StoreParts> storeParts(const clang::Expr *Store) {
  if (const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(Store)) {
    const clang::CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier() || MD->getName() != "store" || Call->getNumArgs() < 1 ||
        !llvm::all_of(llvm::drop_begin(Call->arguments()), isDefaultArgument))
      return std::nullopt;
    return StoreParts{Call->getImplicitObjectArgument()->IgnoreParenImpCasts(), Call->getArg(0)};
  }
  if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(Store))
    if (Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2)
      return StoreParts{Op->getArg(0)->IgnoreParenImpCasts(), Op->getArg(1)};
  return std::nullopt;
}

/// The amount \p Sum adds to (or, \p Subtracts, takes from) a load of
/// \p Object, or null when \p Sum is not such an update.
const clang::Expr *amountOf(const clang::BinaryOperator *Sum, const clang::Expr *Object, bool &Subtracts) {
  Subtracts = Sum->getOpcode() == clang::BO_Sub;
  if (Sum->getOpcode() != clang::BO_Add && !Subtracts)
    return nullptr;
  const clang::Expr *Loaded = loadedObject(Sum->getLHS()), *Amount = Sum->getRHS();
  if (!Loaded && !Subtracts) { // k + x
    Loaded = loadedObject(Sum->getRHS());
    Amount = Sum->getLHS();
  }
  if (!Loaded || !sameObject(Loaded, Object))
    return nullptr;
  return Amount;
}

} // namespace

std::optional<clang::tooling::Replacement> fetchAddFix(const clang::Expr *Store, clang::ASTContext &Ctx) {
  std::optional<StoreParts> Parts = Store ? storeParts(Store) : std::nullopt;
  if (!Parts || !isStatement(Store, Ctx))
    return std::nullopt;
  clang::QualType Held = Parts->Value->getType();
  const auto *Sum = llvm::dyn_cast<clang::BinaryOperator>(Parts->Value->IgnoreParenImpCasts());
  if (!Sum || !Held->isIntegerType() || Held->isBooleanType() || !Sum->getType()->isIntegerType())
    return std::nullopt;
  bool Subtracts = false;
  const clang::Expr *Amount = amountOf(Sum, Parts->Object, Subtracts);
  if (!Amount || loadedObject(Amount) || !Amount->IgnoreImpCasts()->getType()->isIntegerType() ||
      Amount->HasSideEffects(Ctx))
    return std::nullopt;
  std::string Object = textOf(Parts->Object, Ctx), Delta = textOf(Amount, Ctx);
  if (Object.empty() || Delta.empty() || Store->getBeginLoc().isMacroID() || Store->getEndLoc().isMacroID())
    return std::nullopt;
  bool Pointer = Parts->Object->getType()->isPointerType(); // p->store(p->load() + 1)
  if (!llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(Parts->Object))
    Object = "(" + Object + ")";
  std::string Text =
      Object + (Pointer ? "->" : ".") + (Subtracts ? "fetch_sub(" : "fetch_add(") + Delta + ")";
  return clang::tooling::Replacement(Ctx.getSourceManager(),
                                     clang::CharSourceRange::getTokenRange(Store->getSourceRange()), Text,
                                     Ctx.getLangOpts());
}

} // namespace racelab
