//===- Coroutines.cpp -----------------------------------------------------===//
#include "lib/Coroutines.h"
#include "lib/ThreadModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

/// co_spawn(<something of a thread pool>, …): the spawned coroutine runs there.
bool isThreadPoolSpawn(const clang::CallExpr *E) {
  const clang::FunctionDecl *F = E->getDirectCallee();
  if (!F || E->getNumArgs() < 2 || plainQualifiedName(F) != "boost::asio::co_spawn")
    return false;
  return isThreadPoolType(E->getArg(0)->getType());
}

class CoroutineCollector : public clang::RecursiveASTVisitor<CoroutineCollector> {
  using Base = clang::RecursiveASTVisitor<CoroutineCollector>;

public:
  CoroutineCollector(clang::ASTContext &Ctx, CoroutineModel &Model) : Ctx(Ctx), Model(Model) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(clang::Decl *D) {
    if (!D)
      return true;
    if (isSystemDecl(Ctx, D))
      return true;
    return Base::TraverseDecl(D);
  }

  bool TraverseCallExpr(clang::CallExpr *E) {
    if (!isThreadPoolSpawn(E))
      return Base::TraverseCallExpr(E);
    for (unsigned I = 0; I < E->getNumArgs(); ++I) {
      PoolDepth += I == 1;
      TraverseStmt(E->getArg(I));
      PoolDepth -= I == 1;
    }
    return TraverseStmt(E->getCallee());
  }

  bool VisitFunctionDecl(clang::FunctionDecl *F) {
    add(F);
    return true;
  }

  bool VisitLambdaExpr(clang::LambdaExpr *L) {
    const clang::CXXMethodDecl *Op = L->getCallOperator();
    add(Op);
    if (PoolDepth > 0)
      Model.Offloaded.insert(Op);
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(E->getDecl())) {
      auto &Uses = References[F->getCanonicalDecl()];
      (PoolDepth > 0 ? Uses.first : Uses.second)++;
    }
    return true;
  }

  bool VisitMemberExpr(clang::MemberExpr *E) {
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(E->getMemberDecl())) {
      auto &Uses = References[F->getCanonicalDecl()];
      (PoolDepth > 0 ? Uses.first : Uses.second)++;
    }
    return true;
  }

  void finish() {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    llvm::sort(Model.Coroutines, [&](const clang::FunctionDecl *A, const clang::FunctionDecl *B) {
      return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
    });
    Model.Coroutines.erase(std::unique(Model.Coroutines.begin(), Model.Coroutines.end()),
                           Model.Coroutines.end());
    for (const clang::FunctionDecl *F : Model.Coroutines) {
      auto It = References.find(F->getCanonicalDecl());
      if (It != References.end() && It->second.first > 0 && It->second.second == 0)
        Model.Offloaded.insert(F); // only ever called inside co_spawn(pool, …)
    }
  }

private:
  void add(const clang::FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() || F->isDependentContext() || !isCoroutine(F))
      return;
    if (Ctx.getSourceManager().isInSystemHeader(F->getLocation()))
      return;
    Model.Coroutines.push_back(F);
  }

  clang::ASTContext &Ctx;
  CoroutineModel &Model;
  unsigned PoolDepth = 0;
  /// Per function: references inside a thread-pool co_spawn, and elsewhere.
  llvm::DenseMap<const clang::FunctionDecl *, std::pair<unsigned, unsigned>> References;
};

} // namespace

bool isCoroutine(const clang::FunctionDecl *F) {
  if (!F)
    return false;
  if (const clang::FunctionDecl *Def = F->getDefinition())
    F = Def;
  return F->getBody() && llvm::isa<clang::CoroutineBodyStmt>(F->getBody());
}

CoroutineModel CoroutineModel::build(clang::ASTContext &Ctx) {
  CoroutineModel Model;
  CoroutineCollector Collector(Ctx, Model);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  Collector.finish();
  return Model;
}

const clang::Stmt *userBody(const clang::FunctionDecl *F) {
  const clang::Stmt *Body = F->getBody();
  if (const auto *CB = llvm::dyn_cast_or_null<clang::CoroutineBodyStmt>(Body))
    return CB->getBody();
  return Body;
}

std::string plainQualifiedName(const clang::NamedDecl *D) {
  std::string Name;
  if (const auto *Ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(D))
    Name = Ctor->getParent()->getName().str();
  else if (D->getIdentifier())
    Name = D->getName().str();
  else
    Name = D->getNameAsString();
  for (const clang::DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(C)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name = NS->getName().str() + "::" + Name;
    } else if (const auto *R = llvm::dyn_cast<clang::RecordDecl>(C)) {
      if (!R->getIdentifier())
        continue;
      Name = R->getName().str() + "::" + Name;
    }
  }
  return Name;
}

std::string plainClassName(clang::QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const clang::CXXRecordDecl *R = T->getAsCXXRecordDecl();
  return R && R->getIdentifier() ? plainQualifiedName(R) : std::string();
}

std::string displayName(const clang::ASTContext &Ctx, const clang::FunctionDecl *F) {
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F); M && M->getParent()->isLambda()) {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    return "the lambda at line " +
           std::to_string(SM.getPresumedLineNumber(SM.getFileLoc(M->getParent()->getLocation())));
  }
  std::string Name = F->getNameAsString();
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F); M && M->getParent()->getIdentifier())
    Name = M->getParent()->getName().str() + "::" + Name;
  return "'" + Name + "'";
}

const clang::Expr *stripTemporaries(const clang::Expr *E) {
  while (E) {
    const clang::Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *C = llvm::dyn_cast<clang::ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    else if (const auto *M = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *F = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (const auto *K = llvm::dyn_cast<clang::CXXConstructExpr>(Next);
             K && K->getNumArgs() == 1 && K->getConstructor()->isCopyOrMoveConstructor())
      Next = K->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool isThreadPoolType(clang::QualType T) {
  std::string Spelling = T.getCanonicalType().getAsString();
  return Spelling.find("thread_pool") != std::string::npos;
}

bool isAsioStrandType(clang::QualType T) {
  return plainClassName(T) == "boost::asio::strand";
}

} // namespace racelab
