//===- OutputStatements.h - which statements write to an output stream ----===//
//
// One statement writes to a stream in a number of parts: `std::cout << a <<
// b` in two, `printf(…)` in one (the C library locks the FILE for the whole
// call), `std::osyncstream(std::cout) << a << b` in one (it is emitted whole).
// Writes to a std::osyncstream variable and to a stream of the thread's own
// are not output yet: they reach the shared stream later, in one piece.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_OUTPUTSTATEMENTS_H
#define RACELAB_CHECKER_LIB_OUTPUTSTATEMENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>
#include <string>

namespace racelab {

/// What one statement writes.
struct OutputStatement {
  std::string Stream;     ///< "stdout", "stderr", or a shared stream's identity
  std::string StreamName; ///< "std::cout", "stdout", "'log'"
  unsigned Parts = 1;
  bool Stdio = false;     ///< a single C stdio call
  /// Written to this std::osyncstream variable: it reaches the stream when
  /// the variable emits (emit() or its destructor), whole.
  const clang::VarDecl *Osync = nullptr;
};

/// Says which shared stream an expression names (and how the code names
/// it), or nothing for a stream of the thread's own.
using StreamResolver =
    llvm::function_ref<std::optional<std::pair<std::string, std::string>>(const clang::Expr *)>;

/// If statement \p S writes to a shared stream: which, and in how many parts.
std::optional<OutputStatement> outputStatement(const clang::Stmt *S, clang::ASTContext &Ctx,
                                               StreamResolver Stream);

/// m.lock(), m.unlock(), lk.unlock(), pthread_mutex_lock(&m), flockfile(f),
/// a std::lock_guard declaration: changes which locks are held, writes
/// nothing (a record goes on across it).
bool isLockStatement(const clang::Stmt *S);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_OUTPUTSTATEMENTS_H
