//===- ForkedChild.cpp ----------------------------------------------------===//
#include "policy/ForkedChild.h"

#include "policy/StudentCode.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace racelab::policy {

namespace {

/// How a condition reads the result of fork().
enum class Test { None, Child, Parent };

bool isForkCall(const clang::Expr *E) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(E->IgnoreParenImpCasts());
  const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  return F && F->getIdentifier() && (F->getName() == "fork" || F->getName() == "vfork") &&
         F->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

bool isZero(const clang::Expr *E) {
  const auto *Literal = llvm::dyn_cast<clang::IntegerLiteral>(E->IgnoreParenImpCasts());
  return Literal && Literal->getValue() == 0;
}

/// What one function's body says about its code and its calls.
class FunctionWalker {
public:
  struct Facts {
    std::vector<std::pair<const clang::Expr *, bool>> References; ///< (reference, only in a child)
    std::vector<std::pair<const clang::FunctionDecl *, bool>> Calls; ///< (callee, only in a child)
    llvm::SmallPtrSet<const clang::FunctionDecl *, 4> Escaping; ///< named other than as a callee
  };

  explicit FunctionWalker(Facts &Out) : Out(Out) {}

  void walk(const clang::Stmt *S, bool InChild) {
    if (!S)
      return;
    if (const auto *If = llvm::dyn_cast<clang::IfStmt>(S)) {
      walk(If->getInit(), InChild);
      walk(If->getCond(), InChild);
      Test T = classify(If->getCond());
      walk(If->getThen(), InChild || T == Test::Child);
      walk(If->getElse(), InChild || T == Test::Parent);
      return;
    }
    if (const auto *Block = llvm::dyn_cast<clang::CompoundStmt>(S)) {
      bool Child = InChild;
      for (const clang::Stmt *Part : Block->body()) {
        walk(Part, Child);
        // `if (pid != 0) { …; continue; }` – what follows runs in the child.
        if (const auto *If = llvm::dyn_cast<clang::IfStmt>(Part))
          if (!If->getElse() && classify(If->getCond()) == Test::Parent && leaves(If->getThen()))
            Child = true;
      }
      return;
    }
    if (const auto *Switch = llvm::dyn_cast<clang::SwitchStmt>(S)) {
      walk(Switch->getInit(), InChild);
      walk(Switch->getCond(), InChild);
      walkSwitchBody(Switch, InChild);
      return;
    }
    noteForkResult(S);
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(S))
      noteReference(Ref, InChild);
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
      if (const clang::FunctionDecl *F = Call->getDirectCallee()) {
        Out.Calls.push_back({F->getCanonicalDecl(), InChild});
        Callees.insert(Call->getCallee()->IgnoreParenImpCasts());
      }
    for (const clang::Stmt *Child : S->children())
      walk(Child, InChild);
  }

private:
  void walkSwitchBody(const clang::SwitchStmt *Switch, bool InChild) {
    const auto *Body = llvm::dyn_cast_or_null<clang::CompoundStmt>(Switch->getBody());
    if (!Body || !isForkResult(Switch->getCond())) {
      walk(Switch->getBody(), InChild);
      return;
    }
    bool Child = InChild;
    for (const clang::Stmt *Part : Body->body()) {
      if (const auto *Case = llvm::dyn_cast<clang::SwitchCase>(Part)) {
        const auto *C = llvm::dyn_cast<clang::CaseStmt>(Case);
        Child = InChild || (C && isZero(C->getLHS()));
      }
      walk(Part, Child);
    }
  }

  void noteReference(const clang::DeclRefExpr *Ref, bool InChild) {
    Out.References.push_back({Ref, InChild});
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl()))
      if (!Callees.count(Ref))
        Out.Escaping.insert(F->getCanonicalDecl());
  }

  /// `pid_t pid = fork();`, `pid = fork()`.
  void noteForkResult(const clang::Stmt *S) {
    if (const auto *Decl = llvm::dyn_cast<clang::DeclStmt>(S)) {
      for (const clang::Decl *D : Decl->decls())
        if (const auto *V = llvm::dyn_cast<clang::VarDecl>(D))
          if (V->getInit() && isForkCall(V->getInit()))
            PidVars.insert(V);
    } else if (const auto *Assign = llvm::dyn_cast<clang::BinaryOperator>(S)) {
      if (Assign->isAssignmentOp() && isForkCall(Assign->getRHS()))
        if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
          PidVars.insert(Ref->getDecl());
    }
  }

  bool isForkResult(const clang::Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (isForkCall(E))
      return true;
    if (const auto *Assign = llvm::dyn_cast<clang::BinaryOperator>(E))
      if (Assign->isAssignmentOp() && isForkCall(Assign->getRHS())) {
        noteForkResult(Assign);
        return true;
      }
    const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E);
    return Ref && PidVars.count(Ref->getDecl());
  }

  Test classify(const clang::Expr *Cond) {
    if (!Cond)
      return Test::None;
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *Not = llvm::dyn_cast<clang::UnaryOperator>(Cond))
      if (Not->getOpcode() == clang::UO_LNot && isForkResult(Not->getSubExpr()))
        return Test::Child;
    if (isForkResult(Cond))
      return Test::Parent; // `if (pid)`
    const auto *Bin = llvm::dyn_cast<clang::BinaryOperator>(Cond);
    if (!Bin)
      return Test::None;
    const clang::Expr *L = Bin->getLHS(), *R = Bin->getRHS();
    bool PidLeft = isForkResult(L) && isZero(R), PidRight = isZero(L) && isForkResult(R);
    if (!PidLeft && !PidRight)
      return Test::None;
    switch (Bin->getOpcode()) {
    case clang::BO_EQ:
      return Test::Child;
    case clang::BO_NE:
      return Test::Parent;
    case clang::BO_GT:
      return PidLeft ? Test::Parent : Test::None; // pid > 0
    case clang::BO_LT:
      return PidRight ? Test::Parent : Test::None; // 0 < pid
    default:
      return Test::None;
    }
  }

  /// Does \p S always leave the enclosing block (return, continue, break,
  /// throw, or a call that does not return)?
  static bool leaves(const clang::Stmt *S) {
    if (const auto *Block = llvm::dyn_cast_or_null<clang::CompoundStmt>(S))
      return !Block->body_empty() && leaves(Block->body_back());
    if (!S)
      return false;
    if (llvm::isa<clang::ReturnStmt, clang::ContinueStmt, clang::BreakStmt, clang::GotoStmt,
                  clang::CXXThrowExpr>(S))
      return true;
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
      if (const clang::FunctionDecl *F = Call->getDirectCallee())
        return F->isNoReturn();
    return false;
  }

  Facts &Out;
  llvm::SmallPtrSet<const clang::ValueDecl *, 4> PidVars;
  llvm::SmallPtrSet<const clang::Expr *, 8> Callees;
};

/// Collects the facts of every function defined in the student's code.
class Collector : public StudentCodeVisitor<Collector> {
public:
  explicit Collector(SourceOrigins &Origins) : StudentCodeVisitor(Origins) {}

  bool VisitFunctionDecl(clang::FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() || !Origins.inStudentFile(F->getLocation()))
      return true;
    const auto *Method = llvm::dyn_cast<clang::CXXMethodDecl>(F);
    if (F->getDeclContext()->isFunctionOrMethod() || (Method && Method->getParent()->isLambda()))
      return true; // a lambda's body is walked with the function around it
    FunctionWalker::Facts &Facts = ByFunction[F->getCanonicalDecl()];
    FunctionWalker(Facts).walk(F->getBody(), false);
    return true;
  }

  llvm::DenseMap<const clang::FunctionDecl *, FunctionWalker::Facts> ByFunction;
};

} // namespace

llvm::DenseSet<const clang::Expr *> referencesInForkedChild(clang::ASTContext &Ctx, SourceOrigins &Origins) {
  Collector C(Origins);
  C.TraverseDecl(Ctx.getTranslationUnitDecl());

  // A function runs only in a child if every call to it does: called at
  // least once, only from child code or from such functions, never named
  // other than to call it, and not declared by the kit (the grader calls those).
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<std::pair<const clang::FunctionDecl *, bool>>> Callers;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Escaping;
  for (const auto &[Caller, Facts] : C.ByFunction) {
    for (const auto &[Callee, InChild] : Facts.Calls)
      Callers[Callee].push_back({Caller, InChild});
    Escaping.insert(Facts.Escaping.begin(), Facts.Escaping.end());
  }
  // The contract's functions are the grader's to call, whoever calls them here.
  auto declaredByKit = [&](const clang::FunctionDecl *F) {
    return llvm::any_of(F->redecls(), [&](const clang::FunctionDecl *R) {
      return Origins.expandedIn(R->getLocation()) != Origin::Student || Origins.inContract(R->getLocation());
    });
  };
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> ChildOnly;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[F, Facts] : C.ByFunction) {
      auto It = Callers.find(F);
      if (ChildOnly.count(F) || It == Callers.end() || Escaping.count(F) || declaredByKit(F))
        continue;
      if (llvm::all_of(It->second, [&](const auto &Call) { return Call.second || ChildOnly.count(Call.first); })) {
        ChildOnly.insert(F);
        Changed = true;
      }
    }
  }

  llvm::DenseSet<const clang::Expr *> InChild;
  for (const auto &[F, Facts] : C.ByFunction)
    for (const auto &[Ref, Child] : Facts.References)
      if (Child || ChildOnly.count(F))
        InChild.insert(Ref);
  return InChild;
}

} // namespace racelab::policy
