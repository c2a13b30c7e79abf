//===- MissingLockCheck.cpp - racelab-missing-lock -------------------------===//
#include "checks/MissingLockCheck.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"

#include <cassert>

namespace racelab {

namespace {

/// The kinds of finding this check reports.
enum class Finding {
  /// Several threads write the variable with no mutex in common.
  LostUpdate,
  /// One thread writes it, another reads it, with no mutex in common.
  StaleRead,
  /// An atomic read and written back as two operations.
  SplitAtomicUpdate,
};


std::string lockNames(llvm::ArrayRef<HeldLock> Locks) {
  std::string Out;
  for (const HeldLock &L : Locks) {
    if (!Out.empty())
      Out += ", ";
    Out += quoted(L.Mutex);
  }
  return Out;
}

class Reporter {
public:
  explicit Reporter(const TranslationUnitContext &TU, llvm::StringRef CheckName)
      : TU(TU), SM(TU.Ctx.getSourceManager()), CheckName(CheckName) {}

  /// Can accesses by entries \p A and \p B happen at the same time?
  bool concurrent(unsigned A, unsigned B) const {
    return A == B ? TU.Threads.entries()[A].multiInstance() : TU.Threads.mayOverlap(A, B);
  }

  /// Can accesses \p A and \p B happen at the same time (threads or spawner)?
  bool concurrent(const Access &A, const Access &B) const {
    return mayRunTogether(TU.Threads, A, B);
  }

  bool before(clang::SourceLocation A, clang::SourceLocation B) const {
    return SM.isBeforeInTranslationUnit(A, B);
  }

  void reportMissingLock(const Access &Write, const Access &Other) {
    const clang::ValueDecl *Var = Write.Var;
    bool Self = &Write == &Other;
    bool SameEntry = Write.Entry == Other.Entry && !Write.Spawner && !Other.Spawner;
    Finding Kind = (SameEntry || Other.Kind == AccessKind::Write) ? Finding::LostUpdate
                                                                   : Finding::StaleRead;
    bool AnyShared = !Write.Held.sharedLocks().empty() || !Other.Held.sharedLocks().empty();
    bool AnyLocal = !Write.Held.localLocks().empty() || !Other.Held.localLocks().empty();
    const HeldLock *ReaderOnly = commonReaderLock(Write, Other);
    std::string Held = ReaderOnly ? "holding " + quoted(ReaderOnly->Mutex) + " only for reading"
                       : AnyShared  ? "with no common lock held"
                       : AnyLocal   ? "with no shared lock held"
                                    : "with no lock held";

    Diagnostic D;
    D.Check = CheckName.str();
    if (Kind == Finding::LostUpdate)
      D.Message = quoted(Var) + " is written by several threads " + Held +
                  "; updates can be lost";
    else
      D.Message = quoted(Var) + " is written by one thread and read by another " + Held +
                  "; the reader can see a stale or half-written value";

    if (!Self)
      D.Notes.push_back(note(Other.Loc, quoted(Var) + " is also " +
                                            (Other.Kind == AccessKind::Write ? "written" : "read") +
                                            " here by " + threadOf(Other, SameEntry) + ", " +
                                            locksOf(Other)));
    if (!ReaderOnly && !Write.Held.sharedLocks().empty())
      D.Notes.push_back(note(Write.Loc, "the write holds " +
                                            lockNames(Write.Held.sharedLocks()) +
                                            ", which the other access does not",
                             /*ShowSource=*/false));
    if (ReaderOnly)
      D.Notes.push_back(note(ReaderOnly->LockedAt,
                             quoted(ReaderOnly->Mutex) +
                                 " is locked here in shared (reader) mode, which lets other threads "
                                 "hold it at the same time; a write needs it exclusively "
                                 "(std::unique_lock or std::lock_guard)"));
    if (SameEntry)
      addSpawnNote(D, Write.Entry);
    if (Write.Spawner)
      addWindowNote(D, Write);
    else if (Other.Spawner)
      addWindowNote(D, Other);
    for (const HeldLock &L : Write.Held.localLocks())
      D.Notes.push_back(
          note(L.Mutex->getLocation(),
               quoted(L.Mutex) + " is declared inside the thread's own code: every thread "
                                 "creates and locks its own mutex, so no thread ever waits "
                                 "for another; declare one mutex shared by all threads"));
    D.Notes.push_back(note(Write.Loc,
                           "to fix: protect every access to " + quoted(Var) +
                               " with the same std::mutex (std::lock_guard), make it "
                               "std::atomic, or give it to one owner thread",
                           /*ShowSource=*/false));
    TU.Sink.report(SM, Write.Loc, std::move(D));
  }

  void reportSplitUpdate(const SplitAtomicUpdate &U, const Access &Other) {
    Diagnostic D;
    D.Check = CheckName.str();
    D.Message = quoted(U.Var) +
                " is read and then written back as two separate atomic operations; another "
                "thread's update in between is lost — use fetch_add or a compare-exchange loop";
    D.Notes.push_back(note(U.LoadLoc, "the value is read here; another thread can update " +
                                          quoted(U.Var) + " before it is stored"));
    if (Other.Entry == U.Entry)
      addSpawnNote(D, U.Entry);
    else
      D.Notes.push_back(note(Other.Loc, quoted(U.Var) + " is also updated here by " +
                                            threadOf(Other, false)));
    D.Notes.push_back(note(U.StoreLoc,
                           "to fix: make the read and the write one operation (" +
                               U.Var->getNameAsString() + ".fetch_add(1), or ++" +
                               U.Var->getNameAsString() +
                               "); for other updates, loop on compare_exchange_weak",
                           /*ShowSource=*/false));
    TU.Sink.report(SM, U.StoreLoc, std::move(D));
  }

private:
  Note note(clang::SourceLocation Loc, std::string Message, bool ShowSource = true) const {
    return noteAt(SM, Loc, std::move(Message), ShowSource);
  }

  /// For a spawner's access: where the thread it runs alongside starts, and
  /// until when it runs.
  void addWindowNote(Diagnostic &D, const Access &A) const {
    unsigned EntryIndex = A.Running.front();
    const SpawnWindow *W = TU.Threads.spawnerWindow(EntryIndex);
    if (!W)
      return;
    const ThreadEntry &E = TU.Threads.entries()[EntryIndex];
    std::string Message =
        W->Join.isValid()
            ? E.Name + " is started here and runs at the same time as " +
                  quotedStarter(W->Function) + " until it is joined on line " +
                  std::to_string(SM.getPresumedLineNumber(SM.getExpansionLoc(W->Join))) +
                  "; only accesses before the start or after the join are safe without a lock"
            : E.Name + " is started here and never joined in " + quotedStarter(W->Function) +
                  ": it runs at the same time as all the code that follows";
    D.Notes.push_back(note(W->Spawn, Message));
  }

  std::string threadOf(const Access &A, bool SameEntry) const {
    const ThreadEntry &E = TU.Threads.entries()[A.Entry];
    if (A.Spawner) {
      const SpawnWindow *W = TU.Threads.spawnerWindow(A.Entry);
      return "the thread running " + quotedStarter(W ? W->Function : A.Function) +
             " while the thread running " + E.Name + " runs";
    }
    std::string Who = (SameEntry ? "another thread running " : "the thread running ") + E.Name;
    if (A.Function && A.Function != E.Function && A.Function->getIdentifier())
      Who += " (in " + quoted(A.Function) + ")";
    return Who;
  }

  /// A mutex both accesses hold, each only in shared (reader) mode, or null.
  static const HeldLock *commonReaderLock(const Access &Write, const Access &Other) {
    for (const HeldLock &L : Write.Held.readOnlyLocks())
      if (const HeldLock *Theirs = Other.Held.find(L.Mutex); Theirs && Theirs->ReadOnly)
        return Write.Held.find(L.Mutex);
    return nullptr;
  }

  static std::string locksOf(const Access &A) {
    auto Shared = A.Held.sharedLocks();
    if (!Shared.empty())
      return "holding " + lockNames(Shared);
    auto Local = A.Held.localLocks();
    if (!Local.empty())
      return "holding only its own " + lockNames(Local);
    return "with no lock held";
  }

  void addSpawnNote(Diagnostic &D, unsigned EntryIndex) const {
    const ThreadEntry &E = TU.Threads.entries()[EntryIndex];
    if (E.SpawnedInLoop)
      D.Notes.push_back(note(E.SpawnSites.front(),
                             E.Name + " is started here inside a loop, so several threads "
                                      "run it at the same time"));
    else if (E.SpawnSites.size() > 1)
      D.Notes.push_back(note(E.SpawnSites[1], E.Name + " is started again here, so several "
                                                       "threads run it at the same time"));
  }

  const TranslationUnitContext &TU;
  const clang::SourceManager &SM;
  llvm::StringRef CheckName;
};

} // namespace

void MissingLockCheck::check(const TranslationUnitContext &TU) {
  Reporter R(TU, name());

  // Plain data: per variable, the first write (in source order) that some
  // concurrent access does not share a mutex with.
  llvm::MapVector<const clang::ValueDecl *, std::vector<const Access *>> ByVar;
  for (const Access &A : TU.Accesses.Accesses)
    if (!A.IsAtomic)
      ByVar[A.Var].push_back(&A);
  for (auto &[Var, List] : ByVar) {
    llvm::stable_sort(List, [&](const Access *A, const Access *B) { return R.before(A->Loc, B->Loc); });
    const Access *Write = nullptr, *Other = nullptr;
    for (const Access *W : List) {
      if (W->Kind != AccessKind::Write)
        continue;
      // Another access first (its note teaches more); the write racing with
      // itself in a second thread last.
      for (const Access *A : List)
        if (A != W && R.concurrent(*W, *A) && !W->Held.sharesLockWith(A->Held)) {
          Other = A;
          break;
        }
      if (!Other && !W->Spawner && R.concurrent(W->Entry, W->Entry) && !W->Held.sharesLockWith(W->Held))
        Other = W;
      if (Other) {
        Write = W;
        break;
      }
    }
    if (Write) {
      assert(Other && "a racing write has a partner");
      R.reportMissingLock(*Write, *Other);
    }
  }

  // Atomics: a load then a store of a value computed from it, while another
  // thread (or another instance of this one) also updates the variable.
  llvm::SmallPtrSet<const clang::ValueDecl *, 8> Reported;
  std::vector<const SplitAtomicUpdate *> Splits;
  for (const SplitAtomicUpdate &U : TU.Accesses.SplitUpdates)
    Splits.push_back(&U);
  llvm::stable_sort(Splits, [&](const SplitAtomicUpdate *A, const SplitAtomicUpdate *B) {
    return R.before(A->StoreLoc, B->StoreLoc);
  });
  for (const SplitAtomicUpdate *U : Splits) {
    if (Reported.count(U->Var))
      continue;
    const Access *Other = nullptr;
    for (const Access &A : TU.Accesses.Accesses) {
      if (A.Var != U->Var || A.Kind != AccessKind::Write ||
          (A.Spawner ? !llvm::is_contained(A.Running, U->Entry) : !R.concurrent(U->Entry, A.Entry)) ||
          U->Held.sharesLockWith(A.Held))
        continue;
      // Prefer a writer in another thread; else this very store in a second instance.
      if (!Other || (Other->Entry == U->Entry && A.Entry != U->Entry))
        Other = &A;
    }
    if (!Other)
      continue;
    Reported.insert(U->Var);
    R.reportSplitUpdate(*U, *Other);
  }
}

} // namespace racelab
