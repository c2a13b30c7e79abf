//===- ThreadWords.h - how the checks name threads, locks and starts ------===//
//
// The words racelab-missing-lock and racelab-interleaved-output share: who
// makes an access ("the thread running 'worker'", "the thread running 'run'
// while …"), the locks it holds, and the notes that point at a start ("started
// here inside a loop", "runs at the same time as 'run' until it is joined on
// line 12").
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_CHECKS_THREADWORDS_H
#define RACELAB_CHECKER_CHECKS_THREADWORDS_H

#include "lib/Check.h"

#include <string>

namespace racelab {

class ThreadWords {
public:
  explicit ThreadWords(const TranslationUnitContext &TU)
      : A(TU.Findings), SM(TU.Ctx.getSourceManager()) {}

  Note note(clang::SourceLocation Loc, std::string Message, bool ShowSource = true) const {
    return noteAt(SM, Loc, std::move(Message), ShowSource);
  }
  unsigned line(clang::SourceLocation Loc) const {
    return SM.getPresumedLineNumber(SM.getExpansionLoc(Loc));
  }

  /// Is \p Context a starter's own code (not a thread of its own)?
  bool isStarter(unsigned Context) const {
    return A.context(Context).K == ContextInfo::Root;
  }
  /// Do two contexts run the same code on threads of their own?
  bool sameCode(unsigned X, unsigned Y) const;

  /// "the thread running 'worker'", "another thread running 'worker' (in
  /// 'step')", "the thread running 'run' while the thread running 'worker' runs".
  std::string who(unsigned Context, unsigned State, const clang::FunctionDecl *Function,
                  bool Another) const;

  /// The locks held that keep other threads out, and those each thread has
  /// its own copy of (a mutex declared in the thread's code).
  llvm::SmallVector<LockFact, 2> sharedLocks(unsigned Context, unsigned State) const;
  llvm::SmallVector<LockFact, 2> ownLocks(unsigned Context, unsigned State) const;
  static std::string lockNames(llvm::ArrayRef<LockFact> Locks);
  /// "holding 'm'", "holding only its own 'm'", "with no lock held".
  std::string holding(unsigned Context, unsigned State) const;

  /// Several threads run \p Context's code: where they are started.
  void addStartNote(Diagnostic &D, unsigned Context, llvm::StringRef Doing) const;
  /// A starter's code runs alongside a thread it started: where, until when.
  void addWindowNote(Diagnostic &D, unsigned Context, unsigned State, llvm::StringRef Doing) const;
  /// The mutexes each thread has its own copy of.
  void addOwnLockNotes(Diagnostic &D, llvm::ArrayRef<LockFact> Own) const;

private:
  const Analysis &A;
  const clang::SourceManager &SM;
};

/// A lock as messages name it: 'm', 'stdout' (flockfile), 'strand'.
std::string lockName(const LockFact &L);

} // namespace racelab

#endif // RACELAB_CHECKER_CHECKS_THREADWORDS_H
