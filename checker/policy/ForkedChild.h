//===- ForkedChild.h - which code runs only in a child made by fork() -----===//
//
// Some functions are allowed only in a forked child (`_exit` in exercise 6:
// the child must end without running the parent's clean-up a second time; in
// the parent it would end the tests before their report). Code runs only in
// the child when it is, in the function that calls fork():
//
//   - the branch where the fork result is 0: `if (pid == 0) {…}`, `if (!pid)`,
//     the `else` of `if (pid != 0)`, `if (pid > 0) … else {…}`, `case 0:`;
//   - what follows `if (pid != 0) { …; return/continue/break/throw; }`;
//
// or in a function of the student's that is called only from such code (and
// is not part of the contract, which the grader calls).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_FORKEDCHILD_H
#define RACELAB_CHECKER_POLICY_FORKEDCHILD_H

#include "policy/SourceOrigins.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseSet.h"

namespace racelab::policy {

/// The references (DeclRefExprs) in the student's code that run only in a
/// forked child.
llvm::DenseSet<const clang::Expr *> referencesInForkedChild(clang::ASTContext &Ctx,
                                                            SourceOrigins &Origins);

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_FORKEDCHILD_H
