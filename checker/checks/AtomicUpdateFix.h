//===- AtomicUpdateFix.h - x.store(x.load() + k) as one fetch_add ---------===//
//
// The one fix racelab-check offers for a tool to apply (--export-fixes): an
// atomic read and written back in two steps, `x.store(x.load() + k)` or
// `x = x + k`, becomes the single read-modify-write `x.fetch_add(k)` (or
// fetch_sub for `x - k`). Offered only where the two mean the same thing
// except for the lost update: see the conditions in the .cpp.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_CHECKS_ATOMICUPDATEFIX_H
#define RACELAB_CHECKER_CHECKS_ATOMICUPDATEFIX_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Tooling/Core/Replacement.h"

#include <optional>

namespace racelab {

/// The replacement turning the atomic store \p Store (a `store()` call or an
/// assignment to a std::atomic) into one fetch_add/fetch_sub, or nothing when
/// that would not be exactly the intended update.
std::optional<clang::tooling::Replacement> fetchAddFix(const clang::Expr *Store, clang::ASTContext &Ctx);

} // namespace racelab

#endif // RACELAB_CHECKER_CHECKS_ATOMICUPDATEFIX_H
