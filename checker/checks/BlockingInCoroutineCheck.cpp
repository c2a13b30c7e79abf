//===- BlockingInCoroutineCheck.cpp ---------------------------------------===//
//
// Words the engine's blocking calls of coroutines on an event loop
// (lib/Analysis.h), and matches the functions named by the BlockingFunctions
// option against every call such a coroutine makes. One finding per call the
// coroutine itself makes: the first blocking call found through it, with the
// chain of calls in notes.
//
//===----------------------------------------------------------------------===//
#include "checks/BlockingInCoroutineCheck.h"

#include "lib/ThreadModel.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

#include <map>

namespace racelab {

namespace {

std::string whileItWaits(BlockingKind K) {
  switch (K) {
  case BlockingKind::Sleep:
    return "while it sleeps";
  case BlockingKind::Lock:
    return "while it waits for the mutex";
  case BlockingKind::Wait:
    return "while it waits for another thread";
  case BlockingKind::Join:
    return "while it waits for the other thread to finish";
  case BlockingKind::IO:
    return "while it waits for the input or output";
  case BlockingKind::Console:
    return "while it waits for the user to type";
  case BlockingKind::AsioSync:
    return "while it waits for the operation to complete";
  case BlockingKind::EventLoop:
    return "while it runs that event loop to the end";
  case BlockingKind::Process:
    return "while the other program runs";
  case BlockingKind::CPULoop:
    return "it runs every round without suspending";
  case BlockingKind::BusyWait:
    return "it keeps the thread busy waiting instead of suspending";
  case BlockingKind::Custom:
    return "while it waits";
  }
  return "while it waits";
}

std::string hint(BlockingKind K) {
  switch (K) {
  case BlockingKind::Sleep:
    return "to fix: co_await a timer (steady_timer::async_wait) instead, or offload the "
           "blocking work to a thread pool";
  case BlockingKind::Lock:
    return "to fix: do not wait for a mutex on the event loop: keep the critical section short "
           "and free of waiting, keep the data in one coroutine or behind a strand, or offload "
           "the locking work to a thread pool";
  case BlockingKind::Wait:
  case BlockingKind::Join:
    return "to fix: co_await the result instead (co_spawn the work on a thread pool with "
           "use_awaitable), or offload the waiting to a thread pool";
  case BlockingKind::IO:
  case BlockingKind::Console:
  case BlockingKind::AsioSync:
    return "to fix: co_await the asynchronous operation (async_read, async_write, async_accept… "
           "with use_awaitable), or offload the blocking I/O to a thread pool";
  case BlockingKind::EventLoop:
    return "to fix: let the event loop that runs this coroutine do the work: co_await or "
           "co_spawn it instead of running a loop here";
  case BlockingKind::Process:
    return "to fix: offload it to a thread pool (co_spawn on a thread_pool with use_awaitable) "
           "and co_await the result";
  case BlockingKind::CPULoop:
    return "to fix: hand the event loop back now and then inside the loop (co_await "
           "post(executor, use_awaitable) every few thousand rounds), or run the computation "
           "on a thread pool and co_await its result";
  case BlockingKind::BusyWait:
    return "to fix: co_await a timer (steady_timer::async_wait) or the event the loop waits "
           "for, instead of spinning";
  case BlockingKind::Custom:
    return "to fix: co_await an asynchronous equivalent, or offload the blocking work to a "
           "thread pool";
  }
  return "";
}

std::vector<std::string> parseNames(llvm::StringRef List) {
  std::vector<std::string> Names;
  llvm::SmallVector<llvm::StringRef, 4> Items;
  List.split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    Item.consume_front("::");
    if (!Item.empty())
      Names.push_back(Item.str());
  }
  return Names;
}

bool isLoop(BlockingKind K) { return K == BlockingKind::CPULoop || K == BlockingKind::BusyWait; }

} // namespace

std::string BlockingInCoroutineCheck::summary() const {
  return "A blocking call (sleep, a long or contended lock, wait, join, blocking I/O, synchronous "
         "Asio, a loop that never suspends) inside a coroutine stops every other coroutine on its "
         "event loop";
}

void BlockingInCoroutineCheck::check(const TranslationUnitContext &TU) {
  const Analysis &A = TU.Findings;
  const clang::ASTContext &Ctx = TU.Ctx;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  llvm::StringSet<> Custom;
  for (const std::string &Name : parseNames(option("BlockingFunctions")))
    Custom.insert(Name);

  struct Candidate {
    const BlockingEvent *Event;
    const BlockingFinding *Finding; // null: a function named by the option
  };
  std::vector<Candidate> All;
  for (const BlockingFinding &F : A.BlockingCalls)
    All.push_back({F.Event, &F});
  for (const BlockingEvent &E : A.CoroutineCalls)
    if (Custom.count(E.Name))
      All.push_back({&E, nullptr});
  auto Before = [&](clang::SourceLocation X, clang::SourceLocation Y) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(X), SM.getExpansionLoc(Y));
  };
  // One finding per call the coroutine makes: the first that blocks.
  std::map<std::pair<unsigned, unsigned>, Candidate> BySite;
  for (const Candidate &C : All) {
    clang::SourceLocation Site = C.Event->Chain.empty() ? C.Event->Loc : C.Event->Chain.front().Loc;
    auto Key = std::make_pair(C.Event->Context, Site.getRawEncoding());
    auto [It, Inserted] = BySite.try_emplace(Key, C);
    if (!Inserted && Before(C.Event->Loc, It->second.Event->Loc) && !C.Event->Chain.empty() ==
                                                                         !It->second.Event->Chain.empty())
      It->second = C;
  }

  for (const auto &[Key, C] : BySite) {
    const BlockingEvent &E = *C.Event;
    BlockingKind Kind = C.Finding ? E.Kind : BlockingKind::Custom;
    std::string CoroName = displayName(Ctx, A.context(E.Context).Function);
    Diagnostic D;
    D.Check = name();
    clang::SourceLocation At = E.Chain.empty() ? E.Loc : E.Chain.front().Loc;
    std::string Subject = isLoop(Kind) ? (E.Chain.empty() ? "this loop" : "a loop")
                                       : "'" + E.Name + "'";
    if (!E.Chain.empty())
      Subject += " (called through " + displayName(Ctx, E.Chain.front().Callee) + ")";
    D.Message = Subject + " blocks the thread that runs this coroutine: " + whileItWaits(Kind) +
                ", no other coroutine on the event loop can run";
    if (!E.Chain.empty()) {
      D.Notes.push_back(Note{DiagnosticSink::resolve(SM, At),
                             CoroName + " calls " + displayName(Ctx, E.Chain.front().Callee) + " here",
                             /*ShowSource=*/false});
      for (size_t I = 1; I < E.Chain.size(); ++I)
        D.Notes.push_back(Note{DiagnosticSink::resolve(SM, E.Chain[I].Loc),
                               displayName(Ctx, E.Chain[I].Caller) + " calls " +
                                   displayName(Ctx, E.Chain[I].Callee) + " here"});
      std::string Last = displayName(Ctx, E.Chain.back().Callee);
      D.Notes.push_back(Note{DiagnosticSink::resolve(SM, E.Loc),
                             isLoop(Kind) ? Last + " loops here without suspending"
                                          : Last + " calls '" + E.Name + "', which blocks here"});
    }
    if (Kind == BlockingKind::Lock && C.Finding) {
      std::string Mutex = "'" + E.Mutex.spelling() + "'";
      if (const BlockingEvent *In = C.Finding->Inside)
        D.Notes.push_back(Note{DiagnosticSink::resolve(SM, In->Loc),
                               "the critical section is long: " +
                                   (isLoop(In->Kind) ? std::string("a loop") : "'" + In->Name + "'") +
                                   " runs here while " + Mutex + " is held"});
      else if (const BlockingEvent *Out = C.Finding->Elsewhere)
        D.Notes.push_back(Note{DiagnosticSink::resolve(SM, Out->Loc),
                               Mutex + " is also held here while " +
                                   (isLoop(Out->Kind) ? std::string("a loop runs")
                                                      : "'" + Out->Name + "' blocks") +
                                   ", so taking it can wait that long"});
      else
        D.Notes.push_back(Note{DiagnosticSink::resolve(SM, At),
                               "the critical section stays open across a co_await: whatever else "
                               "takes " + Mutex + " waits for this coroutine to resume",
                               /*ShowSource=*/false});
    }
    D.Notes.push_back(Note{DiagnosticSink::resolve(SM, At), hint(Kind), false});
    TU.Sink.report(SM, At, std::move(D));
  }
}

} // namespace racelab
