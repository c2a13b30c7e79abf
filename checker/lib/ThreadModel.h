//===- ThreadModel.h - where threads start, and what they run -------------===//
//
// One walk over the user's code (never the system headers) finds every place
// a thread is started: std::thread and std::jthread (also emplaced into a
// container of threads), std::async, pthread_create, and Boost.Asio work handed
// to a thread_pool (post/dispatch/defer/co_spawn on the pool, its executor or
// a strand over it). For each it resolves the code the thread runs first (a
// function, a member function, a lambda, a functor, a std::function or
// function pointer variable, a packaged_task), the arguments handed to it,
// and the handle a join names (the thread variable, the container, the
// future, the pool).
//
// The same walk indexes what the engine needs to follow calls: the lambda of
// each closure class, the callables stored into std::function and function
// pointer variables and members, the overriders of each virtual function.
//
// Which code runs while which thread runs is not decided here: the engine
// follows starts and joins through the CFG (Engine.h).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_THREADMODEL_H
#define RACELAB_CHECKER_LIB_THREADMODEL_H

#include "lib/SyncTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace racelab {

/// One place a thread is started.
struct SpawnSite {
  const clang::Expr *Spawn = nullptr; ///< the call or construction that starts it
  /// What the thread runs: a function, a member function, a lambda's or a
  /// functor's call operator. Always has a body.
  const clang::FunctionDecl *Function = nullptr;
  const clang::LambdaExpr *Lambda = nullptr; ///< when Function is a lambda's
  /// What the start was given to run, as written (`worker`, `std::move(task)`).
  const clang::Expr *Callable = nullptr;
  /// The values given to Function's parameters, in order (a member
  /// function's object excluded).
  llvm::SmallVector<const clang::Expr *, 4> Args;
  /// A member function or functor: the object it runs on (`this`, `&obj`,
  /// `std::ref(f)`, or a functor copied into the thread).
  const clang::Expr *Object = nullptr;
  /// The entry's first parameter is the std::stop_token a std::jthread passes.
  bool TakesStopToken = false;
  /// What a join names: the thread or future variable, the container of
  /// threads, the pthread_t, the thread_pool (for its join/wait/destructor).
  const clang::ValueDecl *Handle = nullptr;
  /// Asio: the strand the work was handed to (it runs one handler at a time).
  const clang::ValueDecl *Strand = nullptr;
  /// The function whose code starts it.
  const clang::FunctionDecl *Starter = nullptr;
  /// The outermost loop around the start in Starter, if any.
  const clang::Stmt *Loop = nullptr;
  /// std::async: the handle is a future whose get/wait/destructor joins.
  bool Async = false;
  /// Readable name of the entry: "'worker'" or "the lambda at line 12".
  std::string Name;
};

/// The threads started in one translation unit, and the call indexes.
class ThreadModel {
public:
  /// Walks the main file and the non-system headers.
  static ThreadModel build(clang::ASTContext &Ctx);

  const std::vector<SpawnSite> &sites() const { return Sites; }
  /// The start \p E is, or null.
  const SpawnSite *siteOf(const clang::Expr *E) const;
  /// Functions that contain a start, in source order.
  const std::vector<const clang::FunctionDecl *> &starters() const { return Starters; }

  /// The lambda expression that made the closure class \p Closure.
  const clang::LambdaExpr *lambdaOf(const clang::CXXRecordDecl *Closure) const;
  /// Every callable expression stored into the variable or member \p D
  /// (a std::function, a function pointer, a closure variable).
  llvm::ArrayRef<const clang::Expr *> storedCallables(const clang::ValueDecl *D) const;
  /// Every definition in the translation unit that overrides \p M (itself
  /// included if it has a body).
  llvm::ArrayRef<const clang::CXXMethodDecl *> overriders(const clang::CXXMethodDecl *M) const;

private:
  friend class ModelBuilder;
  std::vector<SpawnSite> Sites;
  llvm::DenseMap<const clang::Expr *, unsigned> SiteIndex;
  std::vector<const clang::FunctionDecl *> Starters;
  llvm::DenseMap<const clang::CXXRecordDecl *, const clang::LambdaExpr *> Lambdas;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<const clang::Expr *, 2>> Stored;
  llvm::DenseMap<const clang::CXXMethodDecl *, llvm::SmallVector<const clang::CXXMethodDecl *, 2>>
      Overriders;
};

/// The function (or lambda call operator, or functor call operator) a
/// callable expression names, looking through copies, std::move,
/// std::ref, variables initialised with a lambda or a function, and
/// `&function`. Null if unknown. \p Lambda is set for a lambda.
const clang::FunctionDecl *resolveCallable(const clang::Expr *E, const ThreadModel *Model,
                                           const clang::LambdaExpr **Lambda);

/// std::ref(x) / std::cref(x) → x; anything else → null.
const clang::Expr *refArgument(const clang::Expr *E);

/// "the lambda at line 12" or "'name'" / "'Class::name'".
std::string displayName(const clang::ASTContext &Ctx, const clang::FunctionDecl *F);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_THREADMODEL_H
