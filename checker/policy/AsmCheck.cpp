//===- AsmCheck.cpp - racelab-policy-asm ----------------------------------===//
#include "policy/AsmCheck.h"

#include "policy/StudentCode.h"

#include "clang/AST/Attr.h"

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-asm";

class AsmVisitor : public StudentCodeVisitor<AsmVisitor> {
public:
  explicit AsmVisitor(PolicyTU &TU) : StudentCodeVisitor(TU.Origins), TU(TU) {}

  // Inline assembly lands in the student's file however it got there (their
  // own macro or a library's): the machine code it holds is out of sight.
  bool VisitAsmStmt(clang::AsmStmt *S) {
    if (Origins.inStudentFile(S->getAsmLoc()))
      TU.report(Name, S->getAsmLoc(),
                "inline assembly is not allowed in graded code: the checker cannot see what it does",
                "to fix: use std::atomic (and std::atomic_thread_fence) instead of hand-written "
                "instructions");
    return true;
  }

  bool VisitFileScopeAsmDecl(clang::FileScopeAsmDecl *D) {
    if (Origins.inStudentFile(D->getAsmLoc()))
      TU.report(Name, D->getAsmLoc(),
                "file-scope asm is not allowed in graded code: it can define symbols the checker "
                "cannot see");
    return true;
  }

  bool VisitDecl(clang::Decl *D) {
    for (const auto *Label : D->specific_attrs<clang::AsmLabelAttr>())
      if (!Label->isImplicit() && !Label->isInherited() && Origins.inStudentFile(Label->getLocation()))
        TU.report(Name, Label->getLocation(),
                  "an asm label gives this declaration the symbol name '" + Label->getLabel().str() +
                      "': it can bind to a function of the C library, the sanitizer or the grader "
                      "behind the checker's back",
                  "to fix: remove the asm label and call functions by their own names");
    return true;
  }

private:
  PolicyTU &TU;
};

} // namespace

AsmCheck::AsmCheck()
    : PolicyCheck(Name, "inline assembly, file-scope asm and asm labels in the student's code") {}

void AsmCheck::checkAST(clang::ASTContext &Ctx, PolicyTU &TU) {
  AsmVisitor(TU).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace racelab::policy
