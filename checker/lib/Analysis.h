//===- Analysis.h - what the engine finds in one translation unit ---------===//
//
// The engine (Engine.h) follows every piece of code that runs on its own
// thread, every function that starts threads, and every coroutine, through
// one dataflow over Clang's CFG. It records events (accesses to memory,
// writes to output streams, blocking calls, suspension points), each with the
// facts that held there, and then turns them into typed findings:
//
//   Race             two threads touch the same memory, one writes, nothing
//                    orders them (no common lock, no happens-before)
//   SplitUpdate      a read and the write-back of a value done as two steps
//                    (atomic load then store, two critical sections, an
//                    ignored compare-exchange) while another thread updates it
//   TornRecord       a record written to a shared stream in several parts
//                    while another thread can write in between
//   BlockingCall     a coroutine on an event loop waits (sleep, join, a
//                    contended or long critical section, synchronous I/O, a
//                    loop that never suspends)
//   LockAcrossSuspend a lock held where a coroutine suspends
//
// The checks only choose findings and put them into words.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_ANALYSIS_H
#define RACELAB_CHECKER_LIB_ANALYSIS_H

#include "lib/AccessPath.h"
#include "lib/FlowState.h"
#include "lib/SyncTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// One thread of execution the engine followed.
struct ContextInfo {
  enum Kind : uint8_t {
    Root,   ///< a function that starts threads, or a coroutine: runs as its caller
    Thread, ///< code started on a thread of its own
  };
  Kind K = Root;
  /// The root whose analysis created it (its own index for a root).
  unsigned RootId = 0;
  /// The context that started it; -1 for a root.
  int Parent = -1;
  const clang::FunctionDecl *Function = nullptr; ///< what it runs
  const clang::LambdaExpr *Lambda = nullptr;
  /// "'worker'", "the lambda at line 12", "'Server::run'".
  std::string Name;
  /// Thread: the start (std::thread, emplace_back, pthread_create, post…).
  const clang::Expr *SpawnExpr = nullptr;
  clang::SourceLocation SpawnLoc;
  /// Thread: started while a thread of the same start still ran (in a loop,
  /// or a second start of the same code): several copies run at once.
  bool MultiInstance = false;
  bool StartedInLoop = false;
  /// Thread: another start of the same code, where it happens.
  clang::SourceLocation AgainLoc;
  /// Thread: the threads of the same starter that ran when this one started.
  llvm::SmallVector<unsigned, 2> RunningAtStart;
  /// Thread: the first join of it seen in its starter (invalid: none).
  clang::SourceLocation JoinLoc;
  /// Thread: may still run when the root it belongs to returns.
  bool Escapes = false;
  /// Root: a coroutine (its blocking calls and suspensions are reported).
  bool Coroutine = false;
  /// Root coroutine: it only ever runs on a thread pool, not an event loop.
  bool Offloaded = false;
  /// Every event this context signals somewhere in its code.
  llvm::SmallVector<SyncKey, 4> SignalsAny;
};

enum class AccessKind : uint8_t {
  Read,  ///< the value is read, or a const member function is called
  Write, ///< assigned, incremented, a non-const member function is called, bound to T&
};

enum class AtomicOp : uint8_t {
  None,            ///< not an atomic operation
  Load,            ///< load(), implicit conversion
  Store,           ///< store(), operator=
  ReadModifyWrite, ///< fetch_add, ++, exchange, compare_exchange…: one indivisible step
};

/// One access to memory by one context.
struct Access {
  AccessPath Path;
  /// The memory as the code names it at Loc (`items_`, `stats->hits`), or "".
  std::string Name;
  clang::SourceLocation Loc;
  AccessKind Kind = AccessKind::Read;
  AtomicOp Op = AtomicOp::None;
  bool IsAtomic = false; ///< the memory is atomic (or reached as an atomic member)
  unsigned Context = 0;
  unsigned State = 0; ///< index into Analysis::States
  const clang::FunctionDecl *Function = nullptr; ///< the function it is written in
  /// Reached through a pointer loaded from an atomic with acquire order (or
  /// stronger): ordered after what the publisher wrote before its store.
  SyncKey PublishedBy = nullptr;
  /// Reached through a pointer that was published or loaded with a relaxed
  /// atomic operation (for the message).
  const clang::ValueDecl *RelaxedVia = nullptr;
  /// The construction of a new object (new T, make_unique): each run makes
  /// another, so two of them never touch the same memory.
  bool Made = false;
  /// Memory made here (new T, make_unique) that this code then publishes with
  /// a release store to this atomic: ordered before every access that
  /// reaches it through an acquire load of that atomic, whatever was
  /// published before.
  SyncKey MadeFor = nullptr;
  /// Reached through the reference this function returned while it held a
  /// lock (released before the caller uses what it hands out).
  const clang::FunctionDecl *Getter = nullptr;
};

/// A value read and written back as two steps.
struct SplitUpdate {
  enum Kind : uint8_t {
    AtomicLoadStore,   ///< x.store(x.load() + 1)
    SeparateSections,  ///< lock; old = c; unlock; … lock; c = old + 1; unlock
    IgnoredExchange,   ///< x.compare_exchange_weak(old, old + 1); (result unused)
  };
  Kind K = AtomicLoadStore;
  AccessPath Path;
  clang::SourceLocation ReadLoc, WriteLoc;
  /// SeparateSections: where the lock of the read and of the write are taken.
  clang::SourceLocation ReadLockedAt, WriteLockedAt;
  unsigned Context = 0;
  unsigned State = 0; ///< at the write
  /// AtomicLoadStore: the store (a store() call or an assignment), for the fix.
  const clang::Expr *Store = nullptr;
};

/// One statement writing to an output stream.
struct OutputWrite {
  std::string Stream;     ///< "stdout", "stderr", or an identity of a stream variable
  std::string StreamName; ///< as the code names it: "std::cout", "'log'"
  unsigned Parts = 1;
  bool Stdio = false;     ///< one C stdio call (locks its FILE while it runs)
  clang::SourceLocation Loc;
  const clang::Stmt *Statement = nullptr;
  /// The statement's block and position there, and which inlined call of
  /// the function it belongs to: records are made of adjacent statements.
  const clang::Stmt *Block = nullptr;
  unsigned Position = 0;
  unsigned Frame = 0;
  bool LockStatement = false; ///< m.lock()/unlock() between two parts (no output)
  /// Written to an osyncstream variable: which, and how often it had
  /// emitted before (parts with the same reach the stream together).
  const clang::VarDecl *Osync = nullptr;
  unsigned Emission = 0;
  unsigned Context = 0;
  unsigned State = 0;
  const clang::FunctionDecl *Function = nullptr;
};

/// A record: adjacent output statements of one block, to one stream.
struct OutputRecord {
  std::string Stream, StreamName;
  clang::SourceLocation Loc, LastLoc;
  unsigned Parts = 0;
  /// The locks held across every part (must), with the FILE lock of a single
  /// stdio call.
  llvm::SmallVector<LockFact, 2> Held;
  unsigned Context = 0;
  unsigned State = 0; ///< at the first part (running threads, waits)
  const clang::FunctionDecl *Function = nullptr;
};

/// How a blocking call waits.
enum class BlockingKind : uint8_t {
  Sleep, Lock, Wait, Join, IO, Console, AsioSync, EventLoop, Process, CPULoop, BusyWait, Custom
};

/// One call of the coroutine's chain: Caller calls Callee at Loc.
struct CallHop {
  const clang::FunctionDecl *Caller = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Loc;
};

/// Something that may keep a thread waiting (recorded in every context:
/// a mutex held across one is contended).
struct BlockingEvent {
  BlockingKind Kind = BlockingKind::Custom;
  std::string Name; ///< "std::this_thread::sleep_for", "std::lock_guard", "loop"
  clang::SourceLocation Loc;
  unsigned Context = 0;
  unsigned State = 0;
  std::vector<CallHop> Chain; ///< from the context's function down to Loc
  const clang::FunctionDecl *Callee = nullptr; ///< the function called, if a call
  /// Lock: the mutex acquired and the acquiring element.
  AccessPath Mutex;
  const void *Acquisition = nullptr;
};

/// A co_await / co_yield that suspends.
struct SuspendEvent {
  clang::SourceLocation Loc;
  bool Yield = false;
  unsigned Context = 0;
  unsigned State = 0;
};

// ---- findings --------------------------------------------------------------

/// Two accesses that race.
struct Race {
  enum Kind : uint8_t {
    LostUpdate, ///< written by several threads
    StaleRead,  ///< written by one, read by another
  };
  Kind K = LostUpdate;
  const Access *Write = nullptr;
  const Access *Other = nullptr; ///< == Write: the same code in a second thread
  /// Where to report: the write, or the other access when it is a read made
  /// with no lock while the write holds one (the read is what to fix).
  const Access *At = nullptr;
  /// A shared_mutex both hold only for reading (the write's hold), if that is
  /// all they have in common.
  std::optional<LockFact> ReaderLock;
};

/// A split update with the concurrent write that makes it lose updates.
struct SplitUpdateFinding {
  const SplitUpdate *Update = nullptr;
  const Access *Other = nullptr;
};

/// A torn record and the other write that can land inside it.
struct TornRecord {
  const OutputRecord *Record = nullptr;
  const OutputRecord *Other = nullptr; ///< == Record: a second thread running it
};

/// A blocking call in a coroutine that runs on an event loop.
struct BlockingFinding {
  const BlockingEvent *Event = nullptr;
  /// Lock: why the critical section blocks: something inside it waits
  /// (Inside), or a critical section of the same mutex elsewhere does (Elsewhere).
  const BlockingEvent *Inside = nullptr;
  const BlockingEvent *Elsewhere = nullptr;
};

/// A lock held where a coroutine suspends.
struct LockAcrossSuspend {
  const SuspendEvent *Suspend = nullptr;
  LockFact Lock;
};

/// Everything the engine found in one translation unit.
struct Analysis {
  std::vector<ContextInfo> Contexts;
  std::vector<FlowState> States;
  std::vector<Access> Accesses;
  std::vector<SplitUpdate> SplitUpdates;
  std::vector<OutputWrite> OutputWrites;
  std::vector<OutputRecord> Records;
  std::vector<BlockingEvent> Blocking;
  std::vector<SuspendEvent> Suspends;
  /// Every call a coroutine on an event loop makes (directly or through the
  /// functions it calls), for blocking functions named by the user.
  std::vector<BlockingEvent> CoroutineCalls;

  std::vector<Race> Races;
  std::vector<SplitUpdateFinding> Splits;
  std::vector<TornRecord> TornRecords;
  std::vector<BlockingFinding> BlockingCalls;
  std::vector<LockAcrossSuspend> LocksAcrossSuspend;

  const FlowState &state(unsigned I) const { return States[I]; }
  const ContextInfo &context(unsigned I) const { return Contexts[I]; }
  /// The locks held on every path at an access, that keep other threads out
  /// (not a mutex each thread has its own copy of).
  llvm::SmallVector<LockFact, 2> sharedLocks(unsigned State) const;
  /// The locks held on every path that each thread has its own copy of.
  llvm::SmallVector<LockFact, 2> ownLocks(unsigned State) const;
};

/// A thread context as an event others can wait for: its join.
inline SyncKey joinKey(unsigned Context) {
  return reinterpret_cast<SyncKey>((static_cast<uintptr_t>(Context) << 1) | 1);
}

/// Runs the engine on one translation unit and computes every finding.
std::unique_ptr<Analysis> analyseTranslationUnit(clang::ASTContext &Ctx);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_ANALYSIS_H
