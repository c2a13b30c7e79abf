//===- MissingLockCheck.cpp - racelab-missing-lock -------------------------===//
//
// Words the engine's races and split updates (lib/Analysis.h): the memory,
// both accesses, the threads that make them, the locks they hold, the fix.
//
//===----------------------------------------------------------------------===//
#include "checks/MissingLockCheck.h"
#include "checks/AtomicUpdateFix.h"
#include "checks/ThreadWords.h"

#include "clang/AST/DeclCXX.h"

#include <cassert>

namespace racelab {

namespace {

std::string named(const AccessPath &P) { return "'" + P.spelling() + "'"; }

/// An access as the code names it there (`items_` in a member function,
/// `stats->hits` through a parameter), or by its path.
std::string written(const Access &X) { return X.Name.empty() ? named(X.Path) : "'" + X.Name + "'"; }

/// As written, and when that is another name for memory known by a name of
/// its own (a reference or pointer parameter bound to a caller's variable),
/// that name too: "'sum' (that is, 'grand_total')", "'*fresh' (what
/// 'headline' points to)".
std::string named(const Access &X) {
  std::string Own = X.Path.spelling();
  bool Rooted = X.Path.Kind == AccessPath::Root::Global || X.Path.Kind == AccessPath::Root::Local;
  if (Rooted && !X.Name.empty() && !X.Path.Steps.empty() &&
      X.Path.Steps.back().K == PathStep::Deref && X.Name != "*" + Own)
    return "'" + X.Name + "' (what '" + Own + "' points to)";
  bool Named = Rooted && (X.Path.Steps.empty() || X.Path.Steps.back().K != PathStep::Deref);
  // `stats->hits` for the caller's `stats.hits`: the same name, not another.
  auto Plain = [](std::string S) {
    for (size_t I = S.find("->"); I != std::string::npos; I = S.find("->", I))
      S.replace(I, 2, ".");
    return S;
  };
  if (X.Name.empty() || Plain(X.Name) == Plain(Own) || !Named)
    return written(X);
  return "'" + X.Name + "' (that is, '" + Own + "')";
}

/// 'current', 'StopFlag::get'.
std::string getterName(const clang::FunctionDecl &F) {
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(&F); M && M->getParent()->getIdentifier())
    return "'" + M->getParent()->getNameAsString() + "::" + M->getNameAsString() + "'";
  return quoted(&F);
}

class Reporter {
public:
  Reporter(const TranslationUnitContext &TU, llvm::StringRef CheckName)
      : TU(TU), W(TU), SM(TU.Ctx.getSourceManager()), CheckName(CheckName) {}

  void report(const Race &R) {
    const Access &Write = *R.Write, &Other = *R.Other;
    // Reported at the write, or at a read that takes no lock while the
    // write holds one (the read is what to fix); a note shows the other.
    const Access &At = R.At ? *R.At : Write;
    const Access &Then = &At == &Write ? Other : Write;
    bool AtRead = &At == &Other && Other.Kind == AccessKind::Read;
    bool Self = Write.Loc == Other.Loc;
    bool SameCode = Self || W.sameCode(Write.Context, Other.Context);
    auto SharedW = W.sharedLocks(Write.Context, Write.State);
    const Access *ViaGetter = At.Getter ? &At : Then.Getter ? &Then : nullptr;
    Diagnostic D;
    D.Check = CheckName.str();
    D.Message = AtRead ? readMessage(Other, SharedW) : raceMessage(R);

    if (!Self)
      D.Notes.push_back(W.note(Then.Loc, written(Then) + " is also " +
                                             (Then.Kind == AccessKind::Write ? "written" : "read") +
                                             " here by " +
                                             W.who(Then.Context, Then.State, Then.Function, SameCode) +
                                             ", " + W.holding(Then.Context, Then.State)));
    if (AtRead) {
      if (!ViaGetter)
        D.Notes.push_back(W.note(At.Loc,
                                 "a lock keeps out only the threads that take it too: this read "
                                 "takes none, so nothing keeps the write apart from it",
                                 /*ShowSource=*/false));
    } else if (!R.ReaderLock && !SharedW.empty())
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
    W.addOwnLockNotes(D, W.ownLocks(Write.Context, Write.State));
    if (ViaGetter)
      D.Notes.push_back(W.note(ViaGetter->Loc,
                               getterName(*ViaGetter->Getter) + " returns a reference to " +
                                   named(ViaGetter->Path) +
                                   ": a lock it takes is released when it returns, before this "
                                   "use of the reference"));
    for (const Access *X : {&Write, &Other})
      if (X->RelaxedVia) {
        D.Notes.push_back(W.note(X->Loc,
                                 "this access reaches the memory through a pointer published with "
                                 "memory_order_relaxed on " + quoted(X->RelaxedVia) +
                                     ", which orders nothing: store the pointer with "
                                     "memory_order_release and load it with memory_order_acquire"));
        break;
      }
    std::string Fix = ViaGetter ? "to fix: make " + getterName(*ViaGetter->Getter) +
                                      " return a copy, made while it holds the lock"
                      : AtRead ? "to fix: take " + ThreadWords::lockNames(SharedW) +
                                   " around this read too (std::lock_guard), or make " +
                                   written(At) + " std::atomic"
                             : "to fix: protect every access to " + written(At) +
                                   " with the same std::mutex (std::lock_guard), make it "
                                   "std::atomic, or give it to one owner thread";
    D.Notes.push_back(W.note(At.Loc, Fix, /*ShowSource=*/false));
    TU.Sink.report(SM, At.Loc, std::move(D));
  }

private:
  /// Reported at the write: "'x' is written by several threads with no lock held; …".
  std::string raceMessage(const Race &R) const {
    const Access &Write = *R.Write, &Other = *R.Other;
    auto SharedW = W.sharedLocks(Write.Context, Write.State);
    auto SharedO = W.sharedLocks(Other.Context, Other.State);
    bool Own = !W.ownLocks(Write.Context, Write.State).empty() ||
               !W.ownLocks(Other.Context, Other.State).empty();
    std::string Held = R.ReaderLock ? "holding " + lockName(*R.ReaderLock) + " only for reading"
                       : !SharedW.empty() || !SharedO.empty() ? "with no common lock held"
                       : Own                                  ? "with no shared lock held"
                                                              : "with no lock held";
    std::string Var = named(R.At ? *R.At : Write);
    if (R.K == Race::LostUpdate)
      return Var + " is written by several threads " + Held + "; updates can be lost";
    return Var + " is written by one thread and read by another " + Held +
           "; the reader can see a stale or half-written value";
  }

  /// Reported at a read that holds no lock while the write holds \p Locks.
  std::string readMessage(const Access &Read, llvm::ArrayRef<LockFact> Locks) const {
    return named(Read) + " is read with no lock held while another thread writes it holding " +
           ThreadWords::lockNames(Locks) + "; the reader can see a stale or half-written value";
  }

public:
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
    if (U.K == SplitUpdate::AtomicLoadStore)
      if (std::optional<clang::tooling::Replacement> R = fetchAddFix(U.Store, TU.Ctx))
        D.Fixes.push_back(*R);
    TU.Sink.report(SM, U.WriteLoc, std::move(D));
  }

private:
  const TranslationUnitContext &TU;
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
