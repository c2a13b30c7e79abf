//===- AccessPath.h - which memory an expression names --------------------===//
//
// An access path names a piece of memory the way the code reaches it: a root
// (a global, a local variable, the object `this` points to, a C stream) and
// the steps taken from it (a field, a dereference, an element of an array or
// container). `s.mutex` and `s.value` are different paths; `p->x` seen in a
// thread whose `p` was given `&d` is the path `d.x`, the same as in the code
// that started the thread.
//
// Element steps remember what is known of the index: a constant, or a value
// that differs on every iteration of a loop (the id a thread was started
// with), so `partials[id]` of two threads are different elements.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_ACCESSPATH_H
#define RACELAB_CHECKER_LIB_ACCESSPATH_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <string>

namespace racelab {

/// What is known of an element's index.
struct IndexInfo {
  enum Kind : uint8_t {
    Unknown,      ///< any element
    Constant,     ///< Value
    PerIteration, ///< different on each iteration of Loop (a thread's id)
    ByArgument,   ///< computed from what a thread was started with (Arg)
    Claimed,      ///< taken with an atomic fetch_add: different at every use
  };
  Kind K = Unknown;
  int64_t Value = 0;
  const clang::Stmt *Loop = nullptr;
  /// Derived from an argument a thread was started with: its profile (0: not).
  uint64_t Arg = 0;

  bool operator==(const IndexInfo &O) const {
    return K == O.K && Value == O.Value && Loop == O.Loop && Arg == O.Arg;
  }
};

/// One step from a root towards the memory named.
struct PathStep {
  enum Kind : uint8_t { Field, Deref, Element };
  Kind K = Field;
  const clang::ValueDecl *Member = nullptr; ///< Field: the data member
  IndexInfo Index;                          ///< Element

  bool operator==(const PathStep &O) const {
    return K == O.K && Member == O.Member && Index == O.Index;
  }
};

/// A piece of memory, as reached from a root.
struct AccessPath {
  enum class Root : uint8_t {
    None,   ///< not a path (a temporary, something unknown)
    Global, ///< a global, static or namespace variable (Decl)
    Local,  ///< a local variable or parameter (Decl)
    This,   ///< the object `this` points to (Decl: its class)
    Stream, ///< a C stream's lock (StreamId: 1 stdout, 2 stderr)
  };
  Root Kind = Root::None;
  const clang::Decl *Decl = nullptr;
  unsigned StreamId = 0;
  llvm::SmallVector<PathStep, 2> Steps;
  /// The root is a local (or `this`) of the code that accesses it, reached
  /// without a binding from outside: every thread running that code has its
  /// own, so it is never shared with another instance of it.
  bool Owned = false;

  bool valid() const { return Kind != Root::None; }

  /// Same root and same steps (whatever Owned says).
  bool sameAs(const AccessPath &O) const {
    return Kind == O.Kind && Decl == O.Decl && StreamId == O.StreamId && Steps == O.Steps;
  }
  bool sameRoot(const AccessPath &O) const {
    return Kind == O.Kind && Decl == O.Decl && StreamId == O.StreamId;
  }

  AccessPath withField(const clang::ValueDecl *F) const;
  AccessPath withDeref() const;
  AccessPath withElement(IndexInfo I) const;

  /// The declaration that names the memory for a reader: the last field, or
  /// the root variable.
  const clang::NamedDecl *namedDecl() const;

  /// As the code would name it: `counter`, `s.value`, `data->total`,
  /// `partials` (elements are named by their container).
  std::string spelling() const;
};

/// Can \p A and \p B name overlapping memory? One must be a prefix of the
/// other (a whole object overlaps its fields). Elements overlap unless
/// their indexes are known to differ; two PerIteration indexes of the same
/// loop differ only when \p DistinctIterations (the accesses are made for
/// different iterations: two threads started by that loop).
bool mayOverlap(const AccessPath &A, const AccessPath &B, bool DistinctIterations);

/// Is \p Prefix a prefix of (or equal to) \p P?
bool isPrefixOf(const AccessPath &Prefix, const AccessPath &P);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_ACCESSPATH_H
