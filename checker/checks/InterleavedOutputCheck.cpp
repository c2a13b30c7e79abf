//===- InterleavedOutputCheck.cpp - racelab-interleaved-output -------------===//
//
// Words the engine's torn records (lib/Analysis.h): the record and its parts,
// the other write that can land between them, the locks, the fix.
//
//===----------------------------------------------------------------------===//
#include "checks/InterleavedOutputCheck.h"
#include "checks/ThreadWords.h"

namespace racelab {

namespace {

std::string streamName(const OutputRecord &R) {
  return R.StreamName.front() == '\'' ? R.StreamName : "'" + R.StreamName + "'";
}

class Reporter {
public:
  Reporter(const TranslationUnitContext &TU, llvm::StringRef CheckName)
      : TU(TU), A(TU.Findings), W(TU), SM(TU.Ctx.getSourceManager()), CheckName(CheckName) {}

  void report(const TornRecord &T) {
    const OutputRecord &R = *T.Record, &Other = *T.Other;
    bool Self = R.Loc == Other.Loc;
    llvm::SmallVector<LockFact, 2> Shared, Own;
    for (const LockFact &L : R.Held)
      (A.context(R.Context).K == ContextInfo::Thread && L.Mutex.Owned ? Own : Shared).push_back(L);
    std::string Stream = streamName(R);
    std::string Parts = "in " + std::to_string(R.Parts) + " parts";
    if (W.line(R.LastLoc) != W.line(R.Loc))
      Parts += " (lines " + std::to_string(W.line(R.Loc)) + " to " + std::to_string(W.line(R.LastLoc)) + ")";

    Diagnostic D;
    D.Check = CheckName.str();
    if (!Shared.empty())
      D.Message = "this record is written to " + Stream + " " + Parts + " holding " +
                  ThreadWords::lockNames(Shared) + ", but other output to " + Stream +
                  " does not take that lock; it can land between the parts";
    else
      D.Message = "this record is written to " + Stream + " " + Parts + " from several threads " +
                  (Own.empty() ? "with no lock held" : "with no shared lock held") +
                  "; another thread's output can land between the parts";

    if (!Self)
      D.Notes.push_back(W.note(Other.Loc, "another thread (" + who(Other) + ") also writes to " +
                                              streamName(Other) + " here, " + holding(Other)));
    else
      W.addStartNote(D, R.Context, "print");
    if (W.isStarter(R.Context))
      addWindowNote(D, R);
    else if (W.isStarter(Other.Context))
      addWindowNote(D, Other);
    for (const LockFact &L : Own)
      if (const clang::NamedDecl *M = L.Mutex.namedDecl())
        D.Notes.push_back(W.note(M->getLocation(),
                                 lockName(L) + " is declared inside the thread's own code: every "
                                               "thread locks its own mutex, so none waits for another"));
    D.Notes.push_back(W.note(R.Loc,
                             "to fix: build the whole record and write it under one std::mutex, "
                             "through std::osyncstream, or hand it to a single printer thread",
                             /*ShowSource=*/false));
    TU.Sink.report(SM, R.Loc, std::move(D));
  }

private:
  std::string who(const OutputRecord &R) const {
    const ContextInfo &C = A.context(R.Context);
    if (C.K == ContextInfo::Root) {
      const FlowState &S = A.state(R.State);
      std::string Who = "the one running " + quotedStarter(C.Function);
      if (!S.Running.empty())
        Who += " while " + A.context(S.Running.front()).Name + " runs";
      return Who;
    }
    return "running " + C.Name;
  }

  std::string holding(const OutputRecord &R) const {
    llvm::SmallVector<LockFact, 2> Shared;
    for (const LockFact &L : R.Held)
      if (L.Kind != LockKind::File || L.AcquiredBy)
        Shared.push_back(L);
    return Shared.empty() ? "with no lock held" : "holding " + ThreadWords::lockNames(Shared);
  }

  void addWindowNote(Diagnostic &D, const OutputRecord &R) const {
    const FlowState &S = A.state(R.State);
    if (S.Running.empty())
      return;
    const ContextInfo &T = A.context(S.Running.front());
    std::string Until = T.JoinLoc.isValid()
                            ? "until it is joined on line " + std::to_string(W.line(T.JoinLoc))
                            : "(it is never joined there)";
    D.Notes.push_back(W.note(T.SpawnLoc, T.Name + " is started here and prints at the same time as " +
                                             quotedStarter(A.context(R.Context).Function) + " " + Until));
  }

  const TranslationUnitContext &TU;
  const Analysis &A;
  ThreadWords W;
  const clang::SourceManager &SM;
  llvm::StringRef CheckName;
};

} // namespace

void InterleavedOutputCheck::check(const TranslationUnitContext &TU) {
  Reporter R(TU, name());
  for (const TornRecord &T : TU.Findings.TornRecords)
    R.report(T);
}

} // namespace racelab
