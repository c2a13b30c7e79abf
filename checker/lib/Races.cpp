//===- Races.cpp - accesses into races and split updates ------------------===//
//
// Per piece of memory (an access path with its element indexes left out),
// the first write in source order that another access can meet — overlapping
// memory, at the same time, with no lock in common and nothing ordering them
// — is a race; the other access is preferably another line (its note teaches
// more), else the same code run by a second thread. One race per memory.
//
//===----------------------------------------------------------------------===//
#include "lib/Concurrency.h"
#include "lib/Findings.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"

#include <map>

namespace racelab {

namespace {

/// The memory an access is grouped under: its path without element indexes.
std::string groupKey(const AccessPath &P) {
  std::string Key = std::to_string(static_cast<int>(P.Kind)) + ":" +
                    std::to_string(reinterpret_cast<uintptr_t>(P.Decl)) + ":" +
                    std::to_string(P.StreamId);
  for (const PathStep &S : P.Steps)
    Key += S.K == PathStep::Field ? ".f" + std::to_string(reinterpret_cast<uintptr_t>(S.Member))
           : S.K == PathStep::Deref ? std::string("*")
                                    : std::string("[]");
  return Key;
}

EventPoint pointOf(const Access &X) { return {X.Context, X.State, X.PublishedBy, X.MadeFor}; }

class RaceFinder {
public:
  RaceFinder(Analysis &A, const clang::SourceManager &SM) : A(A), SM(SM), C(A) {}

  /// Do \p W (a write) and \p X meet? Sets \p ReaderOnly as excluded() does.
  bool race(const Access &W, const Access &X, std::optional<LockFact> *ReaderOnly) const {
    ReaderOnly->reset();
    if (W.IsAtomic || X.IsAtomic)
      return false;
    if (W.Path.Owned && X.Path.Owned)
      return false; // each thread's own local
    if (W.Made && X.Made)
      return false; // two new objects
    bool Distinct = false;
    if (!C.mayRunTogether(pointOf(W), pointOf(X), Distinct))
      return false;
    if (!mayOverlap(W.Path, X.Path, Distinct))
      return false;
    if (W.Kind != AccessKind::Write && X.Kind != AccessKind::Write)
      return false;
    llvm::SmallVector<LockFact, 2> LW = A.state(W.State).mustLocks(),
                                   LX = A.state(X.State).mustLocks();
    const LockFact *Reader = nullptr;
    if (C.excluded(LW, W.Context, LX, X.Context, &Reader))
      return false;
    if (Reader)
      *ReaderOnly = *Reader;
    return true;
  }

  void findRaces() {
    llvm::MapVector<std::string, std::vector<const Access *>, std::map<std::string, unsigned>> Groups;
    for (const Access &X : A.Accesses)
      if (!X.IsAtomic)
        Groups[groupKey(X.Path)].push_back(&X);
    for (auto &[Key, List] : Groups) {
      llvm::stable_sort(List, [&](const Access *X, const Access *Y) { return before(X->Loc, Y->Loc); });
      // The write to report: one that races, preferably one that holds no
      // lock at all (the one to fix), else the first in source order.
      std::optional<Race> Best;
      for (const Access *W : List) {
        if (W->Kind != AccessKind::Write)
          continue;
        std::optional<Race> R = raceOf(W, List);
        if (!R)
          continue;
        bool Unlocked = A.state(W->State).mustLocks().empty();
        if (!Best || (Unlocked && !A.state(Best->Write->State).mustLocks().empty()))
          Best = R;
        if (Unlocked)
          break;
      }
      if (Best)
        A.Races.push_back(*Best);
    }
  }

  /// The race \p W is in, if any.
  std::optional<Race> raceOf(const Access *W, llvm::ArrayRef<const Access *> List) const {
    const Access *Other = nullptr;
    std::optional<LockFact> Reader;
    for (const Access *X : List) {
      if (X == W || X->Loc == W->Loc)
        continue;
      if (race(*W, *X, &Reader)) {
        Other = X;
        break;
      }
    }
    if (!Other)
      for (const Access *X : List)
        if (X->Loc == W->Loc && race(*W, *X, &Reader)) {
          Other = X; // the same code, run by a second thread
          break;
        }
    if (!Other)
      return std::nullopt;
    Race R;
    R.Write = W;
    R.Other = Other;
    const ContextInfo &CW = A.Contexts[W->Context], &CO = A.Contexts[Other->Context];
    bool SameCode = Other->Loc == W->Loc || (CW.K == ContextInfo::Thread &&
                                              CO.K == ContextInfo::Thread && CW.Function == CO.Function);
    R.K = SameCode || Other->Kind == AccessKind::Write ? Race::LostUpdate : Race::StaleRead;
    R.ReaderLock = Reader;
    R.At = W;
    auto Shared = [&](const Access *X) {
      return llvm::any_of(A.state(X->State).Locks,
                          [](const LockFact &L) { return L.Must && !L.Mutex.Owned; });
    };
    if (R.K == Race::StaleRead && Shared(W) && !Shared(Other))
      R.At = Other;
    return R;
  }

  void findSplits() {
    std::vector<const SplitUpdate *> Sorted;
    for (const SplitUpdate &U : A.SplitUpdates)
      Sorted.push_back(&U);
    llvm::stable_sort(Sorted, [&](const SplitUpdate *X, const SplitUpdate *Y) {
      return before(X->WriteLoc, Y->WriteLoc);
    });
    llvm::SmallVector<std::string, 8> Reported;
    for (const SplitUpdate *U : Sorted) {
      std::string Key = groupKey(U->Path);
      if (llvm::is_contained(Reported, Key))
        continue;
      const Access *Other = nullptr;
      for (const Access &X : A.Accesses) {
        if (X.Kind != AccessKind::Write || !X.Path.sameRoot(U->Path))
          continue;
        bool Distinct = false;
        if (!C.mayRunTogether({U->Context, U->State, nullptr}, pointOf(X), Distinct) ||
            !mayOverlap(U->Path, X.Path, Distinct))
          continue;
        if (U->K == SplitUpdate::AtomicLoadStore) {
          const LockFact *Reader = nullptr;
          llvm::SmallVector<LockFact, 2> LU = A.state(U->State).mustLocks(),
                                         LX = A.state(X.State).mustLocks();
          if (C.excluded(LU, U->Context, LX, X.Context, &Reader))
            continue;
        }
        // Prefer a writer in another thread; else this very code in a second one.
        if (!Other || (Other->Context == U->Context && X.Context != U->Context))
          Other = &X;
      }
      if (!Other)
        continue;
      Reported.push_back(Key);
      A.Splits.push_back({U, Other});
    }
  }

private:
  bool before(clang::SourceLocation X, clang::SourceLocation Y) const {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(X), SM.getExpansionLoc(Y));
  }

  Analysis &A;
  const clang::SourceManager &SM;
  Concurrency C;
};

} // namespace

void findRaces(Analysis &A, const clang::SourceManager &SM) {
  RaceFinder F(A, SM);
  F.findRaces();
  F.findSplits();
}

} // namespace racelab
