//===- InterleavedOutputCheck.cpp - racelab-interleaved-output -------------===//
#include "checks/InterleavedOutputCheck.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

#include <cassert>

namespace racelab {

namespace {


std::string lockNames(llvm::ArrayRef<HeldLock> Locks) {
  std::string Out;
  for (const HeldLock &L : Locks) {
    if (!Out.empty())
      Out += ", ";
    Out += quoted(L.Mutex);
  }
  return Out;
}

std::string streamName(const OutputRecord &R) {
  return R.StreamName.front() == '\'' ? R.StreamName : "'" + R.StreamName + "'";
}

class Reporter {
public:
  Reporter(const TranslationUnitContext &TU, llvm::StringRef CheckName)
      : TU(TU), SM(TU.Ctx.getSourceManager()), CheckName(CheckName) {}

  unsigned line(clang::SourceLocation Loc) const {
    return SM.getPresumedLineNumber(SM.getExpansionLoc(Loc));
  }

  /// \p R is written in parts; \p Other (maybe \p R itself, in a second
  /// thread) can write to the same stream in between.
  void report(const OutputRecord &R, const OutputRecord &Other) {
    bool Self = R.Loc == Other.Loc;
    auto Shared = R.Held.sharedLocks();
    auto Local = R.Held.localLocks();
    std::string Stream = streamName(R);
    std::string Parts = "in " + std::to_string(R.Parts) + " parts";
    if (line(R.LastLoc) != line(R.Loc))
      Parts += " (lines " + std::to_string(line(R.Loc)) + " to " + std::to_string(line(R.LastLoc)) + ")";

    Diagnostic D;
    D.Check = CheckName.str();
    if (!Shared.empty())
      D.Message = "this record is written to " + Stream + " " + Parts + " holding " +
                  lockNames(Shared) + ", but other output to " + Stream +
                  " does not take that lock; it can land between the parts";
    else
      D.Message = "this record is written to " + Stream + " " + Parts + " from several threads " +
                  (Local.empty() ? "with no lock held" : "with no shared lock held") +
                  "; another thread's output can land between the parts";

    if (!Self)
      D.Notes.push_back(note(Other.Loc, "another thread (" + threadOf(Other) + ") also writes to " +
                                            streamName(Other) + " here, " + locksOf(Other)));
    else
      addSpawnNote(D, R.Entry);
    if (R.Spawner)
      addWindowNote(D, R);
    else if (Other.Spawner)
      addWindowNote(D, Other);
    for (const HeldLock &L : Local)
      D.Notes.push_back(note(L.Mutex->getLocation(),
                             quoted(L.Mutex) + " is declared inside the thread's own code: every "
                                               "thread locks its own mutex, so none waits for another"));
    D.Notes.push_back(note(R.Loc,
                           "to fix: build the whole record and write it under one std::mutex, "
                           "through std::osyncstream, or hand it to a single printer thread",
                           /*ShowSource=*/false));
    TU.Sink.report(SM, R.Loc, std::move(D));
  }

private:
  Note note(clang::SourceLocation Loc, std::string Message, bool ShowSource = true) const {
    return noteAt(SM, Loc, std::move(Message), ShowSource);
  }

  std::string threadOf(const OutputRecord &R) const {
    const ThreadEntry &E = TU.Threads.entries()[R.Entry];
    if (R.Spawner) {
      const SpawnWindow *W = TU.Threads.spawnerWindow(R.Entry);
      return "the one running " + quotedStarter(W ? W->Function : R.Function) + " while " + E.Name +
             " runs";
    }
    return "running " + E.Name;
  }

  static std::string locksOf(const OutputRecord &R) {
    auto Shared = R.Held.sharedLocks();
    if (!Shared.empty())
      return "holding " + lockNames(Shared);
    return "with no lock held";
  }

  void addSpawnNote(Diagnostic &D, unsigned EntryIndex) const {
    const ThreadEntry &E = TU.Threads.entries()[EntryIndex];
    if (E.SpawnedInLoop)
      D.Notes.push_back(note(E.SpawnSites.front(), E.Name + " is started here inside a loop, so "
                                                            "several threads print at the same time"));
    else if (E.SpawnSites.size() > 1)
      D.Notes.push_back(note(E.SpawnSites[1], E.Name + " is started again here, so several "
                                                       "threads print at the same time"));
  }

  void addWindowNote(Diagnostic &D, const OutputRecord &R) const {
    const SpawnWindow *W = TU.Threads.spawnerWindow(R.Running.front());
    if (!W)
      return;
    const ThreadEntry &E = TU.Threads.entries()[R.Running.front()];
    std::string Until =
        W->Join.isValid() ? "until it is joined on line " + std::to_string(line(W->Join))
                          : "(it is never joined there)";
    D.Notes.push_back(note(W->Spawn, E.Name + " is started here and prints at the same time as " +
                                         quotedStarter(W->Function) + " " + Until));
  }

  const TranslationUnitContext &TU;
  const clang::SourceManager &SM;
  llvm::StringRef CheckName;
};

} // namespace

void InterleavedOutputCheck::check(const TranslationUnitContext &TU) {
  Reporter R(TU, name());
  const clang::SourceManager &SM = TU.Ctx.getSourceManager();
  const std::vector<OutputRecord> &Records = TU.Accesses.Output;

  // A record of several parts, and another write to the same stream that can
  // run at the same time without a mutex both hold: the other write can land
  // between the parts. The other write is preferably another statement (its
  // note teaches more); else the same record in a second thread.
  llvm::DenseSet<unsigned> Reported;
  std::vector<const OutputRecord *> Sorted;
  for (const OutputRecord &O : Records)
    Sorted.push_back(&O);
  llvm::stable_sort(Sorted, [&](const OutputRecord *A, const OutputRecord *B) {
    return SM.isBeforeInTranslationUnit(A->Loc, B->Loc);
  });
  for (const OutputRecord *Rec : Sorted) {
    if (Rec->Parts < 2 || Reported.contains(Rec->Loc.getRawEncoding()))
      continue;
    const OutputRecord *Other = nullptr;
    for (const OutputRecord *W : Sorted) {
      if (W->Stream != Rec->Stream || !mayRunTogether(TU.Threads, *Rec, *W) ||
          Rec->Held.sharesLockWith(W->Held))
        continue;
      if (!Other || (Other->Loc == Rec->Loc && W->Loc != Rec->Loc))
        Other = W;
    }
    if (!Other)
      continue;
    Reported.insert(Rec->Loc.getRawEncoding());
    R.report(*Rec, *Other);
  }
}

} // namespace racelab
