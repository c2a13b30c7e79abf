//===- StaticInitCheck.cpp - racelab-policy-static-init -------------------===//
#include "policy/StaticInitCheck.h"

#include "policy/StudentCode.h"

#include "lib/Coroutines.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

#include <optional>

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-static-init";

/// Is \p D the student's or the kit's code (not the libraries')?
bool ownCode(SourceOrigins &Origins, const clang::Decl *D) {
  Origin O = Origins.expandedIn(D->getLocation());
  return O == Origin::Student || O == Origin::Kit;
}

/// Finds, in the initializer of a global, the first piece of the student's
/// (or kit's) code that it runs: a call, a constructor with a body, a
/// function or lambda handed to a library object.
class InitWalker : public clang::RecursiveASTVisitor<InitWalker> {
public:
  explicit InitWalker(SourceOrigins &Origins) : Origins(Origins) {}

  bool shouldVisitImplicitCode() const { return true; }

  std::optional<std::string> Found;

  bool VisitCallExpr(clang::CallExpr *E) {
    const clang::FunctionDecl *F = E->getDirectCallee();
    if (!F || !ownCode(Origins, F))
      return true;
    if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F); M && M->getParent()->isLambda())
      return stop("it runs a lambda of yours");
    return stop("it calls '" + plainQualifiedName(F) + "'");
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(E->getDecl()))
      if (ownCode(Origins, F))
        return stop("it hands '" + plainQualifiedName(F) + "' to code that may run it");
    return true;
  }

  bool VisitLambdaExpr(clang::LambdaExpr *) {
    return stop("it hands a lambda of yours to code that may run it");
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr *E) {
    const clang::CXXConstructorDecl *Ctor = E->getConstructor();
    if (!ownCode(Origins, Ctor) || Ctor->isTrivial())
      return true;
    if (Ctor->isUserProvided())
      return stop("it runs the constructor of '" + plainQualifiedName(Ctor->getParent()) + "'");
    // An implicit constructor runs the members' default initializers and the
    // members' and bases' own constructors.
    if (Depth > 8 || !Ctor->isDefined())
      return true;
    ++Depth;
    for (const clang::CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() && !TraverseStmt(Init->getInit()))
        return false;
    --Depth;
    return true;
  }

  // Default member initializers and default arguments run where they are used.
  bool VisitCXXDefaultInitExpr(clang::CXXDefaultInitExpr *E) { return TraverseStmt(E->getExpr()); }
  bool VisitCXXDefaultArgExpr(clang::CXXDefaultArgExpr *E) { return TraverseStmt(E->getExpr()); }

private:
  bool stop(std::string Why) {
    Found = std::move(Why);
    return false;
  }

  SourceOrigins &Origins;
  unsigned Depth = 0;
};

/// The first destructor of the student's (or kit's) code that destroying an
/// object of type \p T runs: its own, its bases' and members', and the
/// elements a library container or smart pointer of it owns.
std::optional<std::string> ownDestructor(SourceOrigins &Origins, const clang::ASTContext &Ctx,
                                         clang::QualType T, unsigned Depth = 0) {
  if (Depth > 8)
    return std::nullopt;
  const clang::CXXRecordDecl *R = Ctx.getBaseElementType(T)->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition() || R->hasTrivialDestructor())
    return std::nullopt;
  R = R->getDefinition();
  if (!ownCode(Origins, R)) {
    // A library template owns objects of its type arguments: std::vector<S>,
    // std::unique_ptr<S>, std::optional<S> destroy S.
    if (const auto *Spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(R))
      for (const clang::TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == clang::TemplateArgument::Type)
          if (auto Found = ownDestructor(Origins, Ctx, Arg.getAsType(), Depth + 1))
            return Found;
    return std::nullopt;
  }
  if (const clang::CXXDestructorDecl *Dtor = R->getDestructor())
    if (Dtor->isUserProvided())
      return "the destructor of '" + plainQualifiedName(R) + "'";
  for (const clang::CXXBaseSpecifier &Base : R->bases())
    if (auto Found = ownDestructor(Origins, Ctx, Base.getType(), Depth + 1))
      return Found;
  for (const clang::FieldDecl *Field : R->fields())
    if (auto Found = ownDestructor(Origins, Ctx, Field->getType(), Depth + 1))
      return Found;
  return std::nullopt;
}

class StaticVisitor : public StudentCodeVisitor<StaticVisitor> {
public:
  StaticVisitor(PolicyTU &TU, clang::ASTContext &Ctx)
      : StudentCodeVisitor(TU.Origins), TU(TU), Ctx(Ctx) {}

  bool VisitVarDecl(clang::VarDecl *V) {
    if (!V->hasGlobalStorage() || llvm::isa<clang::ParmVarDecl>(V) || V->isInvalidDecl() ||
        !Origins.inStudentFile(V->getLocation()) || V->getType()->isDependentType() ||
        !V->isThisDeclarationADefinition())
      return true;
    std::string What = V->isStaticLocal() ? "static local" : V->getTLSKind() ? "thread_local object"
                                                                             : "global object";
    // Only a namespace-scope object or static member is built before main():
    // a static local and a thread_local are built when first used.
    bool BuiltBeforeMain = !V->isStaticLocal() && V->getTLSKind() == clang::VarDecl::TLS_None;
    if (BuiltBeforeMain && V->getInit() && !V->hasConstantInitialization()) {
      InitWalker Walker(Origins);
      Walker.TraverseStmt(V->getInit());
      if (Walker.Found) {
        TU.report(Name, V->getLocation(),
                  "'" + V->getNameAsString() + "' is a " + What +
                      " whose construction runs your code before main() starts: " + *Walker.Found,
                  "to fix: build it inside the function that uses it, or give it a plain value "
                  "(a constant, a standard library object)");
        return true;
      }
    }
    if (std::optional<std::string> Dtor = ownDestructor(Origins, Ctx, V->getType()))
      TU.report(Name, V->getLocation(),
                "'" + V->getNameAsString() + "' is a " + What + " whose destruction runs " + *Dtor +
                    " after the tests have finished, where it could change their results",
                "to fix: make it a local of the function that uses it, so it is destroyed there");
    return true;
  }

private:
  PolicyTU &TU;
  clang::ASTContext &Ctx;
};

} // namespace

StaticInitCheck::StaticInitCheck()
    : PolicyCheck(Name, "global and static objects whose construction or destruction runs the "
                        "student's code") {}

void StaticInitCheck::checkAST(clang::ASTContext &Ctx, PolicyTU &TU) {
  StaticVisitor(TU, Ctx).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace racelab::policy
