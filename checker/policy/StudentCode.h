//===- StudentCode.h - walk only what the student wrote -------------------===//
//
// The AST checks visit the declarations of the student's files (and the
// template instantiations of their templates), never the system headers or
// the kit's: a visitor derived from StudentCodeVisitor skips every top-level
// declaration whose code does not land in a student file, which keeps the
// policy's cost small next to the parse.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_STUDENTCODE_H
#define RACELAB_CHECKER_POLICY_STUDENTCODE_H

#include "policy/SourceOrigins.h"

#include "clang/AST/RecursiveASTVisitor.h"

namespace racelab::policy {

template <typename Derived> class StudentCodeVisitor : public clang::RecursiveASTVisitor<Derived> {
public:
  explicit StudentCodeVisitor(SourceOrigins &Origins) : Origins(Origins) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(clang::Decl *D) {
    if (!D)
      return true;
    if (!llvm::isa<clang::TranslationUnitDecl>(D) && D->getDeclContext() &&
        D->getDeclContext()->isFileContext() && !Origins.inStudentFile(D->getLocation()))
      return true; // a declaration of a header that is not the student's
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(D);
  }

protected:
  SourceOrigins &Origins;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_STUDENTCODE_H
