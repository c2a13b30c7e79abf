//===- AccessPath.cpp -----------------------------------------------------===//
#include "lib/AccessPath.h"

#include "clang/AST/DeclCXX.h"

namespace racelab {

AccessPath AccessPath::withField(const clang::ValueDecl *F) const {
  AccessPath P = *this;
  PathStep S;
  S.K = PathStep::Field;
  S.Member = F;
  P.Steps.push_back(S);
  return P;
}

AccessPath AccessPath::withDeref() const {
  AccessPath P = *this;
  PathStep S;
  S.K = PathStep::Deref;
  P.Steps.push_back(S);
  return P;
}

AccessPath AccessPath::withElement(IndexInfo I) const {
  AccessPath P = *this;
  PathStep S;
  S.K = PathStep::Element;
  S.Index = I;
  P.Steps.push_back(S);
  return P;
}

const clang::NamedDecl *AccessPath::namedDecl() const {
  for (auto It = Steps.rbegin(); It != Steps.rend(); ++It)
    if (It->K == PathStep::Field)
      return It->Member;
  return llvm::dyn_cast_or_null<clang::NamedDecl>(Decl);
}

std::string AccessPath::spelling() const {
  std::string Out;
  switch (Kind) {
  case Root::None:
    return "?";
  case Root::Stream:
    return StreamId == 2 ? "stderr" : "stdout";
  case Root::This:
    break; // members of `this` are named as the code names them: `hits`
  case Root::Global:
  case Root::Local:
    if (const auto *N = llvm::dyn_cast_or_null<clang::NamedDecl>(Decl))
      Out = N->getNameAsString();
    break;
  }
  bool PendingDeref = false;
  for (const PathStep &S : Steps) {
    switch (S.K) {
    case PathStep::Deref:
      if (PendingDeref)
        Out = "*" + Out;
      PendingDeref = true;
      break;
    case PathStep::Field: {
      std::string Name = S.Member ? S.Member->getNameAsString() : "?";
      if (Out.empty())
        Out = Name;
      else
        Out += (PendingDeref ? "->" : ".") + Name;
      PendingDeref = false;
      break;
    }
    case PathStep::Element:
      if (PendingDeref) // p[i] is *(p + i): an element of what p points to
        PendingDeref = false;
      break;
    }
  }
  // What a pointer points to is named by the pointer, as containers name
  // their elements.
  return Out;
}

namespace {

/// Can two steps at the same depth name the same memory?
bool stepsMayMeet(const PathStep &A, const PathStep &B, bool DistinctIterations) {
  if (A.K != B.K)
    return true; // a cast or a view we do not model: assume they can
  if (A.K == PathStep::Field)
    return A.Member == B.Member;
  if (A.K == PathStep::Deref)
    return true;
  const IndexInfo &I = A.Index, &J = B.Index;
  // Two threads started with different arguments (0 and n / 2) work on
  // what those arguments select: taken as apart, as the code means them.
  if (I.Arg && J.Arg && I.Arg != J.Arg && !(I.K == IndexInfo::Constant && J.K == IndexInfo::Constant))
    return false;
  if (I.K == IndexInfo::Constant && J.K == IndexInfo::Constant)
    return I.Value == J.Value;
  if (I.K == IndexInfo::Claimed && J.K == IndexInfo::Claimed)
    return false; // each slot handed out once

  if (I.K == IndexInfo::PerIteration && J.K == IndexInfo::PerIteration && I.Loop == J.Loop)
    return !DistinctIterations;
  return true;
}

} // namespace

bool mayOverlap(const AccessPath &A, const AccessPath &B, bool DistinctIterations) {
  if (!A.valid() || !B.valid() || !A.sameRoot(B))
    return false;
  size_t N = std::min(A.Steps.size(), B.Steps.size());
  for (size_t I = 0; I < N; ++I)
    if (!stepsMayMeet(A.Steps[I], B.Steps[I], DistinctIterations))
      return false;
  return true;
}

bool isPrefixOf(const AccessPath &Prefix, const AccessPath &P) {
  if (!Prefix.sameRoot(P) || Prefix.Steps.size() > P.Steps.size())
    return false;
  for (size_t I = 0; I < Prefix.Steps.size(); ++I)
    if (!(Prefix.Steps[I] == P.Steps[I]))
      return false;
  return true;
}

} // namespace racelab
