//===- MissingLockCheck.cpp - racelab-missing-lock -------------------------===//
//
// Words the engine's races and split updates (lib/Analysis.h): the memory,
// both accesses, the threads that make them, the locks they hold, the fix.
//
//===----------------------------------------------------------------------===//
#include "checks/MissingLockCheck.h"
#include "checks/ThreadWords.h"

#include <cassert>

namespace racelab {

namespace {

std::string named(const AccessPath &P) { return "'" + P.spelling() + "'"; }

class Reporter {
public:
  Reporter(const TranslationUnitContext &TU, llvm::StringRef CheckName)
      : TU(TU), A(TU.Findings), W(TU), SM(TU.Ctx.getSourceManager()), CheckName(CheckName) {}

  void report(const Race &R) {
    const Access &Write = *R.Write, &Other = *R.Other;
    bool Self = Write.Loc == Other.Loc;
    bool SameCode = Self || W.sameCode(Write.Context, Other.Context);
    std::string Var = named(Write.Path);
    auto SharedW = W.sharedLocks(Write.Context, Write.State);
    auto SharedO = W.sharedLocks(Other.Context, Other.State);
    auto OwnW = W.ownLocks(Write.Context, Write.State);
    auto OwnO = W.ownLocks(Other.Context, Other.State);
    std::string Held = R.ReaderLock ? "holding " + lockName(*R.ReaderLock) + " only for reading"
                       : !SharedW.empty() || !SharedO.empty() ? "with no common lock held"
                       : !OwnW.empty() || !OwnO.empty()       ? "with no shared lock held"
                                                              : "with no lock held";
    Diagnostic D;
    D.Check = CheckName.str();
    if (R.K == Race::LostUpdate)
      D.Message = Var + " is written by several threads " + Held + "; updates can be lost";
    else
      D.Message = Var + " is written by one thread and read by another " + Held +
                  "; the reader can see a stale or half-written value";

    if (!Self)
      D.Notes.push_back(W.note(Other.Loc, Var + " is also " +
                                              (Other.Kind == AccessKind::Write ? "written" : "read") +
                                              " here by " +
                                              W.who(Other.Context, Other.State, Other.Function, SameCode) +
                                              ", " + W.holding(Other.Context, Other.State)));
    if (!R.ReaderLock && !SharedW.empty())
      D.Notes.push_back(W.note(Write.Loc,
                               "the write holds " + ThreadWords::lockNames(SharedW) +
                                   ", which the other access does not",
                               /*ShowSource=*/false));
    if (R.ReaderLock)
      D.Notes.push_back(W.note(R.ReaderLock->LockedAt,
                               lockName(*R.ReaderLock) +
                                   " is locked here in shared (reader) mode, which lets other "
                                   "threads hold it at the same time; a write needs it exclusively "
                                   "(std::unique_lock or std::lock_guard)"));
    if (SameCode)
      W.addStartNote(D, Write.Context, "run it");
    if (W.isStarter(Write.Context))
      W.addWindowNote(D, Write.Context, Write.State, "runs");
    else if (W.isStarter(Other.Context))
      W.addWindowNote(D, Other.Context, Other.State, "runs");
    W.addOwnLockNotes(D, OwnW);
    for (const Access *X : {&Write, &Other})
      if (X->RelaxedVia) {
        D.Notes.push_back(W.note(X->Loc,
                                 "this access reaches the memory through a pointer published with "
                                 "memory_order_relaxed on " + quoted(X->RelaxedVia) +
                                     ", which orders nothing: store the pointer with "
                                     "memory_order_release and load it with memory_order_acquire"));
        break;
      }
    D.Notes.push_back(W.note(Write.Loc,
                             "to fix: protect every access to " + Var +
                                 " with the same std::mutex (std::lock_guard), make it "
                                 "std::atomic, or give it to one owner thread",
                             /*ShowSource=*/false));
    TU.Sink.report(SM, Write.Loc, std::move(D));
  }

  void report(const SplitUpdateFinding &F) {
    const SplitUpdate &U = *F.Update;
    const Access &Other = *F.Other;
    std::string Var = named(U.Path);
    std::string Plain = U.Path.spelling();
    Diagnostic D;
    D.Check = CheckName.str();
    switch (U.K) {
    case SplitUpdate::AtomicLoadStore:
      D.Message = Var + " is read and then written back as two separate atomic operations; "
                        "another thread's update in between is lost — use fetch_add or a "
                        "compare-exchange loop";
      D.Notes.push_back(W.note(U.ReadLoc, "the value is read here; another thread can update " + Var +
                                              " before it is stored"));
      break;
    case SplitUpdate::SeparateSections:
      D.Message = Var + " is read in one critical section and written back in another; another "
                        "thread's update in between is lost";
      D.Notes.push_back(W.note(U.ReadLoc, "the value is read here, under the lock taken on line " +
                                              std::to_string(W.line(U.ReadLockedAt)) +
                                              ", which is released before the write"));
      D.Notes.push_back(W.note(U.WriteLockedAt, "the lock is taken again here: between the two "
                                                "critical sections another thread can change " +
                                                    Var));
      break;
    case SplitUpdate::IgnoredExchange:
      D.Message = "the result of this compare-exchange on " + Var +
                  " is ignored: when another thread changed it first, the exchange fails and the "
                  "update is lost";
      break;
    }
    if (Other.Context == U.Context || W.sameCode(Other.Context, U.Context))
      W.addStartNote(D, U.Context, "run it");
    if (Other.Loc != U.WriteLoc)
      D.Notes.push_back(W.note(Other.Loc, Var + " is also updated here by " +
                                              W.who(Other.Context, Other.State, Other.Function,
                                                    Other.Context == U.Context)));
    std::string Fix =
        U.K == SplitUpdate::AtomicLoadStore
            ? "to fix: make the read and the write one operation (" + Plain + ".fetch_add(1), or ++" +
                  Plain + "); for other updates, loop on compare_exchange_weak"
        : U.K == SplitUpdate::SeparateSections
            ? "to fix: read and write " + Var + " in one critical section (one std::lock_guard "
                                                "around both)"
            : "to fix: loop until the exchange succeeds: while (!" + Plain +
                  ".compare_exchange_weak(expected, desired)) { /* recompute desired */ }";
    D.Notes.push_back(W.note(U.WriteLoc, Fix, /*ShowSource=*/false));
    TU.Sink.report(SM, U.WriteLoc, std::move(D));
  }

private:
  const TranslationUnitContext &TU;
  const Analysis &A;
  ThreadWords W;
  const clang::SourceManager &SM;
  llvm::StringRef CheckName;
};

} // namespace

void MissingLockCheck::check(const TranslationUnitContext &TU) {
  Reporter R(TU, name());
  for (const Race &X : TU.Findings.Races) {
    assert(X.Write && X.Other && "a race has two accesses");
    R.report(X);
  }
  for (const SplitUpdateFinding &S : TU.Findings.Splits)
    R.report(S);
}

} // namespace racelab
