//===- Coroutines.cpp -----------------------------------------------------===//
#include "lib/Coroutines.h"

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

} // namespace racelab
