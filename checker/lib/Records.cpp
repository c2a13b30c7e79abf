//===- Records.cpp - output statements into records, and torn records -----===//
//
// Adjacent statements of one block that write to the same stream form one
// record (a statement that only takes or releases a lock does not end it);
// the locks held across the record are those held at every part. A record
// in several parts is torn when another write to the same stream can run
// while it is written, with no lock both hold (a single stdio call holds its
// FILE's lock, which flockfile takes for a whole record).
//
//===----------------------------------------------------------------------===//
#include "lib/Concurrency.h"
#include "lib/Findings.h"

#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

/// Keeps the locks held across both parts: the same hold, not one taken again.
void intersect(llvm::SmallVector<LockFact, 2> &Held, const llvm::SmallVector<LockFact, 2> &Other) {
  llvm::erase_if(Held, [&](const LockFact &L) {
    return llvm::none_of(Other, [&](const LockFact &O) {
      return O.Mutex.sameAs(L.Mutex) && O.AcquiredBy == L.AcquiredBy;
    });
  });
}

void groupRecords(Analysis &A) {
  std::optional<OutputRecord> Current;
  const OutputWrite *Last = nullptr;
  // Every part written to one osyncstream between two emissions: it
  // reaches the stream in one piece.
  const OutputWrite *FirstPart = nullptr;
  bool Whole = true;
  auto Flush = [&] {
    if (Current) {
      if (Whole && FirstPart && FirstPart->Osync)
        Current->Parts = 1;
      A.Records.push_back(std::move(*Current));
    }
    Current.reset();
    FirstPart = nullptr;
    Whole = true;
  };
  for (const OutputWrite &W : A.OutputWrites) {
    bool Continues = Current && Last && Last->Context == W.Context && Last->Frame == W.Frame &&
                     Last->Block == W.Block && W.Position == Last->Position + 1 &&
                     (W.LockStatement || W.Stream == Current->Stream);
    if (!Continues)
      Flush();
    Last = &W;
    if (W.LockStatement)
      continue; // m.unlock() between two parts: the record goes on, without the lock
    llvm::SmallVector<LockFact, 2> Held = A.state(W.State).mustLocks();
    if (FirstPart)
      Whole &= W.Osync && W.Osync == FirstPart->Osync && W.Emission == FirstPart->Emission;
    else
      FirstPart = &W;
    if (Current) {
      Current->Parts += W.Parts;
      Current->LastLoc = W.Loc;
      intersect(Current->Held, Held);
      continue;
    }
    OutputRecord R;
    R.Stream = W.Stream;
    R.StreamName = W.StreamName;
    R.Loc = R.LastLoc = W.Loc;
    R.Parts = W.Parts;
    R.Held = Held;
    if (W.Stdio && (W.Stream == "stdout" || W.Stream == "stderr")) {
      // One stdio call holds its FILE's lock while it writes.
      LockFact File;
      File.Mutex.Kind = AccessPath::Root::Stream;
      File.Mutex.StreamId = W.Stream == "stderr" ? 2 : 1;
      File.Kind = LockKind::File;
      File.LockedAt = W.Loc;
      R.Held.push_back(File);
    }
    R.Context = W.Context;
    R.State = W.State;
    R.Function = W.Function;
    Current = std::move(R);
  }
  Flush();
  // A record of several parts holds a FILE lock only if flockfile took it.
  for (OutputRecord &R : A.Records)
    if (R.Parts > 1)
      llvm::erase_if(R.Held, [](const LockFact &L) { return L.Kind == LockKind::File && !L.AcquiredBy; });
}

} // namespace

void findTornRecords(Analysis &A, const clang::SourceManager &SM) {
  groupRecords(A);
  Concurrency C(A);
  std::vector<const OutputRecord *> Sorted;
  for (const OutputRecord &R : A.Records)
    Sorted.push_back(&R);
  llvm::stable_sort(Sorted, [&](const OutputRecord *X, const OutputRecord *Y) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(X->Loc), SM.getExpansionLoc(Y->Loc));
  });
  llvm::SmallVector<clang::SourceLocation, 8> Reported;
  for (const OutputRecord *R : Sorted) {
    if (R->Parts < 2 || llvm::is_contained(Reported, R->Loc))
      continue;
    const OutputRecord *Other = nullptr;
    for (const OutputRecord *W : Sorted) {
      if (W->Stream != R->Stream)
        continue;
      bool Distinct = false;
      const LockFact *Reader = nullptr;
      if (!C.mayRunTogether({R->Context, R->State, nullptr}, {W->Context, W->State, nullptr},
                            Distinct) ||
          C.excluded(R->Held, R->Context, W->Held, W->Context, &Reader))
        continue;
      if (!Other || (Other->Loc == R->Loc && W->Loc != R->Loc))
        Other = W;
    }
    if (!Other)
      continue;
    Reported.push_back(R->Loc);
    A.TornRecords.push_back({R, Other});
  }
}

} // namespace racelab
