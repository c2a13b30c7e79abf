//===- Coroutines.h - where the coroutines of a translation unit are ------===//
//
// The two coroutine checks share this: which functions are coroutines (their
// body is a CoroutineBodyStmt: plain functions, member functions, lambdas,
// Boost.Asio awaitable<T> functions, template instantiations), which of them
// are handed to a thread pool (co_spawn on a boost::asio::thread_pool).
//
// Clang 16 has no coroutineBodyStmt() matcher; isa<CoroutineBodyStmt> on the
// body is the test.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_COROUTINES_H
#define RACELAB_CHECKER_LIB_COROUTINES_H

#include "lib/SyncTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <string>
#include <vector>

namespace racelab {

/// Is \p F (its definition) a coroutine?
bool isCoroutine(const clang::FunctionDecl *F);

/// The coroutines of one translation unit, in source order.
struct CoroutineModel {
  /// Every coroutine defined in the main file or a non-system header.
  std::vector<const clang::FunctionDecl *> Coroutines;
  /// Coroutines that only ever run on a thread pool (a lambda given to
  /// co_spawn(pool, …), a coroutine only called inside such an argument):
  /// blocking there does not stop an event loop.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Offloaded;

  static CoroutineModel build(clang::ASTContext &Ctx);
};

/// The body the user wrote (the CoroutineBodyStmt's, without the promise
/// machinery), or the plain body of any other function.
const clang::Stmt *userBody(const clang::FunctionDecl *F);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_COROUTINES_H
