//===- OutputStatements.cpp -----------------------------------------------===//
#include "lib/OutputStatements.h"
#include "lib/SyncTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

namespace racelab {

namespace {

/// How many separate writes one `<<` operand makes: a manipulator writes
/// nothing (std::flush, std::hex, std::setw(4)), except std::endl and
/// std::ends, which write a character.
unsigned partsOf(const clang::Expr *Operand) {
  const clang::Expr *A = Operand->IgnoreParenImpCasts();
  if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(A); U && U->getOpcode() == clang::UO_AddrOf)
    A = U->getSubExpr()->IgnoreParenImpCasts();
  if (A->getType()->isFunctionType() || A->getType()->isFunctionPointerType()) {
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(A))
      if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl());
          F && F->getIdentifier() && isInStd(F) && (F->getName() == "endl" || F->getName() == "ends"))
        return 1;
    return 0;
  }
  if (const clang::CXXRecordDecl *R = A->getType()->getAsCXXRecordDecl();
      R && R->getIdentifier() && isInStd(R) &&
      (R->getName().starts_with("_Set") || R->getName() == "_Resetiosflags"))
    return 0;
  return 1;
}

/// The stream a temporary std::osyncstream(stream) wraps.
const clang::Expr *wrappedStream(const clang::Expr *E) {
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

int streamArgument(llvm::StringRef Name) {
  return llvm::StringSwitch<int>(Name)
      .Case("fprintf", 0)
      .Case("vfprintf", 0)
      .Case("fputs", 1)
      .Case("fputc", 1)
      .Case("putc", 1)
      .Case("fputs_unlocked", 1)
      .Case("fputc_unlocked", 1)
      .Case("fwrite", 3)
      .Case("fwrite_unlocked", 3)
      .Default(-1);
}

} // namespace

std::optional<OutputStatement> outputStatement(const clang::Stmt *S, clang::ASTContext &Ctx,
                                               StreamResolver Stream) {
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
      // `out << …` on an osyncstream variable: emitted later, whole with
      // everything else written to it before it emits.
      const clang::VarDecl *Var = nullptr;
      const clang::Expr *Wrapped = wrappedStream(E);
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
        if ((Var = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl())) && Var->getInit())
          Wrapped = wrappedStream(Var->getInit());
      auto Named = Wrapped ? Stream(Wrapped) : std::nullopt;
      if (!Named)
        return std::nullopt;
      return OutputStatement{Named->first, Named->second, Var ? Parts : 1, false, Var};
    }
    auto Named = Stream(E);
    if (!Named)
      return std::nullopt;
    return OutputStatement{Named->first, Named->second, Parts, false};
  }

  // stream.write(…), stream.put(…)
  if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
    const clang::CXXMethodDecl *MD = M->getMethodDecl();
    const clang::Expr *Obj = M->getImplicitObjectArgument();
    if (!MD || !MD->getIdentifier() || !Obj || !isOutputStreamType(Obj->getType()) ||
        isStdClass(Obj->getType(), {"basic_osyncstream"}) ||
        (MD->getName() != "write" && MD->getName() != "put"))
      return std::nullopt;
    auto Named = Stream(Obj);
    if (!Named)
      return std::nullopt;
    return OutputStatement{Named->first, Named->second, 1, false};
  }

  // printf(…), puts(…), fprintf(stream, …), fwrite(…, stream)…: one write
  // each (the C library locks the FILE for the whole call).
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(E)) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    if (!F || !F->getIdentifier() || !Ctx.getSourceManager().isInSystemHeader(F->getLocation()))
      return std::nullopt;
    llvm::StringRef Name = F->getName();
    if (Name == "printf" || Name == "vprintf" || Name == "puts" || Name == "putchar" ||
        Name == "putchar_unlocked")
      return OutputStatement{"stdout", "stdout", 1, Name != "putchar_unlocked"};
    int Arg = streamArgument(Name);
    if (Arg < 0 || static_cast<unsigned>(Arg) >= Call->getNumArgs())
      return std::nullopt;
    auto Named = Stream(Call->getArg(Arg));
    if (!Named)
      return std::nullopt;
    return OutputStatement{Named->first, Named->second, 1, !Name.ends_with("_unlocked")};
  }
  return std::nullopt;
}

bool isLockStatement(const clang::Stmt *S) {
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
    if (const clang::FunctionDecl *F = Call->getDirectCallee(); F && F->getIdentifier()) {
      llvm::StringRef Name = F->getName();
      return Name == "pthread_mutex_lock" || Name == "pthread_mutex_unlock" ||
             Name == "flockfile" || Name == "funlockfile";
    }
  return false;
}

} // namespace racelab
