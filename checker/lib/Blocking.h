//===- Blocking.h - what keeps a thread waiting ---------------------------===//
//
// Library calls that block the calling thread (BlockingFunctions.def:
// sleeping, waiting for another thread, joining, blocking I/O, synchronous
// Asio operations, running an event loop, other programs), and loops that
// keep it busy without ever suspending: a loop that watches the clock or
// spins on a flag, and a counting loop whose number of rounds comes from a
// runtime value (not the size of a container, not a constant).
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_BLOCKING_H
#define RACELAB_CHECKER_LIB_BLOCKING_H

#include "lib/Analysis.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <optional>
#include <string>

namespace racelab {

/// A blocking call or loop, as a message names it.
struct BlockingMatch {
  std::string Name; ///< "std::this_thread::sleep_for", "std::cin >>", "this loop"
  BlockingKind Kind = BlockingKind::Custom;
};

/// Is \p Call (to \p F) a library call that blocks? \p Awaited: it is the
/// operand of a co_await (an asynchronous operation that suspends instead).
std::optional<BlockingMatch> matchBlockingCall(const clang::CallExpr *Call,
                                               const clang::FunctionDecl *F,
                                               const clang::SourceManager &SM, bool Awaited);

/// Does \p Loop keep its thread busy for long without suspending?
std::optional<BlockingMatch> matchBlockingLoop(const clang::Stmt *Loop, clang::ASTContext &Ctx);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_BLOCKING_H
