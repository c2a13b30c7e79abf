//===- Engine.h - one dataflow over Clang's CFG for every check -----------===//
//
// The engine runs a forward dataflow over the CFG of each function it
// follows (built with implicit destructors, member initialisers and
// exception edges, every subexpression an element in evaluation order). The
// facts (FlowState) are the locks held (must and may), the threads started and
// not yet joined, the events waited for and signalled. Blocks are visited in
// reverse post-order until nothing changes; paths meet by FlowState::join
// (intersection for must facts, union for may facts); then every block is
// visited once more from its fixed entry state to record events.
//
// Calls to functions of the translation unit are followed with the caller's
// facts (their exit facts flow back): direct calls, lambdas, std::function
// and function-pointer variables and members, virtual calls to the overriders
// the translation unit defines. A `try_lock` acquires on its true edge; a
// lock object's destructor element releases; `return`, `break`, `goto` and
// `catch` are edges of the graph.
//
// What runs: each function that starts threads and each coroutine is a root;
// each start reached while following a root becomes a thread context, whose
// entry is followed with the bindings the start gave it (std::ref, pointers,
// lambda captures, `this`).
//
// This header is the engine's own; the rest of the checker sees Analysis.h.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_ENGINE_H
#define RACELAB_CHECKER_LIB_ENGINE_H

#include "lib/Analysis.h"
#include "lib/Coroutines.h"
#include "lib/ThreadModel.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <memory>
#include <optional>

namespace racelab {

/// How a variable of the code being followed is bound.
struct Binding {
  enum Kind : uint8_t {
    Alias,    ///< the variable is another name for Path (a reference, a by-reference capture)
    PointsTo, ///< the variable's value points to Path (a pointer, a smart pointer, an iterator)
  };
  Kind K = Alias;
  AccessPath Path;
  /// PointsTo: the pointer was loaded from this atomic with acquire order.
  SyncKey PublishedBy = nullptr;
  /// PointsTo: the pointer came through a relaxed atomic operation on this.
  const clang::ValueDecl *RelaxedVia = nullptr;
};

/// A local holding a value read from shared memory (for split updates).
struct LoadedValue {
  AccessPath Path;
  clang::SourceLocation Loc;
  bool Atomic = false;
  /// The critical sections the read was made in (the acquiring elements).
  llvm::SmallVector<std::pair<AccessPath, const void *>, 2> Sections;
  llvm::SmallVector<clang::SourceLocation, 2> SectionLocs;
};

/// One function being followed: the entry of a context, or a callee.
struct Frame {
  const clang::FunctionDecl *Function = nullptr;
  const clang::LambdaExpr *Lambda = nullptr;
  unsigned Id = 0;           ///< unique per followed call
  uint64_t Chain = 0;        ///< hash of the call sites from the context's entry
  const clang::Expr *CallSite = nullptr;
  llvm::DenseMap<const clang::VarDecl *, Binding> Vars;
  /// What is known of scalar variables used as indexes (a thread's id).
  llvm::DenseMap<const clang::VarDecl *, IndexInfo> Values;
  /// Callables parameters and captures were given.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> Callables;
  llvm::DenseMap<const clang::VarDecl *, LoadedValue> Loaded;
  /// Lock objects over a lockable class of the user's (a spin lock): its
  /// unlock() and the object, for the lock object's destructor.
  llvm::DenseMap<const clang::VarDecl *, std::pair<const clang::CXXMethodDecl *, AccessPath>>
      UserLocks;
  /// osyncstream variables: how often each has emitted (what it holds in
  /// between reaches the stream whole).
  llvm::DenseMap<const clang::VarDecl *, unsigned> Emitted;
  /// The object `this` names (invalid: no object).
  AccessPath This;
  /// A reference-returning function: the path its return statement names,
  /// and whether a lock was held there (released as the function returns).
  AccessPath Returned;
  bool ReturnedLocked = false;
  /// Calls of this frame that returned a reference to a known path; those
  /// whose callee held a lock as it returned it.
  llvm::DenseMap<const clang::Expr *, AccessPath> CallResults;
  llvm::DenseSet<const clang::Expr *> LockedResults;
};

/// What the engine keeps about one function: its CFG and statement indexes.
struct FunctionInfo {
  std::unique_ptr<clang::CFG> Cfg;
  std::vector<const clang::CFGBlock *> Order; ///< reverse post-order
  llvm::DenseMap<unsigned, unsigned> Rank;    ///< block id → position in Order
  /// Blocks inside a try block → the try's dispatch block.
  llvm::DenseMap<unsigned, const clang::CFGBlock *> Dispatch;
  /// Statements of a block ({…}): their block and position (records are
  /// made of adjacent statements; an ignored result is a statement).
  llvm::DenseMap<const clang::Stmt *, std::pair<const clang::Stmt *, unsigned>> Positions;
  llvm::DenseSet<const clang::Expr *> Awaited; ///< operands of co_await
  /// Loops whose body joins the elements of a container of threads: their
  /// exit joins them all.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<const clang::Expr *, 1>> JoinLoops;
  llvm::DenseSet<const clang::VarDecl *> Modified; ///< locals assigned after their initialisation
  /// Local pointers stored into an atomic (a publication): the atomic's
  /// expression and the order of the store.
  llvm::DenseMap<const clang::VarDecl *, std::pair<const clang::Expr *, MemoryOrder>> Published;
  /// Starts inside this function: the loops whose iterations start threads.
  llvm::SmallVector<const clang::Stmt *, 1> SpawnLoops;
};

/// One thread of execution being followed.
struct Context {
  unsigned Id = 0;
  bool IsThread = false;
  bool RecordOwned = false;   ///< record accesses to its own locals (it starts threads)
  bool Coroutine = false;     ///< record blocking calls and suspensions
  Frame Entry;                ///< the entry frame's bindings
  /// Thread: the starter's frame as it was at the start, where lambdas the
  /// starter made (and the thread calls) find what they captured.
  std::shared_ptr<Frame> Creator;
  FlowState Initial;
  FlowState Exit;
};

class Engine {
public:
  Engine(clang::ASTContext &Ctx, const ThreadModel &Model, const CoroutineModel &Coroutines,
         Analysis &Out);
  /// Follows every root and the threads they start.
  void run();

private:
  // ---- Engine.cpp: roots, contexts, the fixpoint, edges ----
  void runRoot(const clang::FunctionDecl *F, bool Coroutine);
  void runContext(Context &C);
  FlowState follow(Frame &Fr, const FlowState &Entry, bool Emit);
  FunctionInfo *infoFor(const clang::FunctionDecl *F);
  void transferBlock(const clang::CFGBlock &B, FlowState &S, bool Emit);
  void applyEdge(const clang::CFGBlock &B, unsigned Succ, FlowState &S);
  void applyCondition(const clang::Expr *C, bool Outcome, bool WaitsOnly, FlowState &S, int Depth);
  void applyConditionLeaf(const clang::Expr *C, bool Outcome, bool WaitsOnly, FlowState &S);
  /// The value of a condition that depends only on constants and on what a
  /// thread was started with (`if (id == 0)` in the thread given 1).
  std::optional<bool> knownCondition(const clang::Expr *C);
  void transferDtor(const clang::VarDecl *V, clang::QualType T, clang::SourceLocation At,
                    FlowState &S);
  void joinHandle(const clang::ValueDecl *Handle, clang::SourceLocation Loc, FlowState &S);
  unsigned snapshot(const FlowState &S);

  // ---- EngineStatements.cpp: one element ----
  void transferStmt(const clang::Stmt *S, FlowState &St);
  void transferDecl(const clang::VarDecl *V, const clang::Stmt *DeclStmt, FlowState &St);
  void transferScopedLock(const clang::VarDecl *V, const clang::CXXConstructExpr *E,
                          const clang::Stmt *At, FlowState &St);
  /// A method (lock, unlock) of a lockable class of the user's, with a body.
  const clang::CXXMethodDecl *lockableMethod(clang::QualType T, llvm::StringRef Name) const;
  void transferAssign(const clang::Expr *LHS, const clang::Expr *RHS, const clang::Expr *At,
                      FlowState &St);
  void statementLevel(const clang::Stmt *S, FlowState &St);
  void noteLoaded(const clang::VarDecl *Local, const clang::Expr *Value, FlowState &St);
  /// \p Whole: the atomic store (call or assignment) writing \p Value back, if any.
  void checkWriteBack(const AccessPath &P, const clang::Expr *Value, clang::SourceLocation Loc,
                      bool Atomic, FlowState &St, const clang::Expr *Whole = nullptr);
  void lockedWrite(const clang::Expr *E, FlowState &St);
  void onLoop(const clang::Stmt *Loop, FlowState &S);
  void onSuspend(const clang::Expr *S, FlowState &St);

  // ---- EngineCalls.cpp: calls and synchronisation ----
  void transferCall(const clang::CallExpr *E, FlowState &St);
  void transferMemberCall(const clang::CallExpr *E, const clang::CXXMethodDecl *MD,
                          const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                          FlowState &St);
  void transferConstruct(const clang::CXXConstructExpr *E, FlowState &St);
  void noteHandleCopies(const clang::CXXMethodDecl *MD, const clang::Expr *Obj,
                        llvm::ArrayRef<const clang::Expr *> Args);
  bool transferSyncCall(const clang::CallExpr *E, const clang::FunctionDecl *F,
                        const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                        FlowState &St);
  bool transferAtomic(const clang::CallExpr *E, const clang::CXXMethodDecl *MD,
                      const clang::Expr *Obj, llvm::ArrayRef<const clang::Expr *> Args,
                      FlowState &St);
  void transferCondWait(const clang::CallExpr *E, llvm::StringRef Name,
                        llvm::ArrayRef<const clang::Expr *> Args, FlowState &St);
  void transferSpawn(const SpawnSite &Site, FlowState &St);
  /// Follows \p Target for a call at \p Call (args bound to its parameters);
  /// false if it cannot be followed.
  bool inlineCall(const clang::Expr *Call, const clang::FunctionDecl *Target,
                  const clang::LambdaExpr *Lambda, llvm::ArrayRef<const clang::Expr *> Args,
                  const AccessPath &This, FlowState &St);
  bool inlineCallable(const clang::Expr *Call, const clang::Expr *Callable,
                      llvm::ArrayRef<const clang::Expr *> Args, FlowState &St);
  void argumentAccesses(const clang::FunctionDecl *F, llvm::ArrayRef<const clang::Expr *> Args,
                        unsigned ParamOffset, FlowState &St);
  void noteBlocking(const clang::Expr *E, const clang::FunctionDecl *F, FlowState &St);
  void noteCoroutineCall(const clang::Expr *E, const clang::FunctionDecl *F, FlowState &St);
  void emitBlocking(BlockingKind K, std::string Name, clang::SourceLocation Loc, FlowState &St,
                    const AccessPath *Mutex = nullptr, const void *Acquisition = nullptr,
                    const clang::FunctionDecl *Callee = nullptr);
  /// Takes a lock: \p Loc is where it waits (the lock object, the call),
  /// \p LockedAt where a note shows it taken (the mutex named), if elsewhere.
  void acquire(const AccessPath &Mutex, LockKind K, bool Shared, const clang::VarDecl *Scope,
               const void *By, clang::SourceLocation Loc, FlowState &St, llvm::StringRef Name,
               clang::SourceLocation LockedAt = {});
  /// The mutexes a lock object (or a lock argument of a wait) stands for.
  llvm::SmallVector<AccessPath, 2> mutexesOfLockObject(const clang::Expr *E,
                                                       const clang::VarDecl **Scope);
  /// The count a semaphore starts with, if its declaration says.
  std::optional<int64_t> semaphoreCount(const AccessPath &P) const;

  // ---- EnginePaths.cpp: what expressions name (EngineAccesses.cpp: recording) ----
  AccessPath resolvePath(const clang::Expr *E);
  AccessPath resolvePointee(const clang::Expr *E, Binding *Via = nullptr);
  AccessPath resolveVar(const clang::VarDecl *V, bool ViaCapture);
  const Binding *bindingOf(const clang::VarDecl *V, bool ViaCapture);
  IndexInfo indexInfo(const clang::Expr *E, int Depth = 0);
  const clang::Expr *callableOf(const clang::VarDecl *V);
  Binding bindArgument(const clang::Expr *Arg, clang::QualType ParamType);
  void bindCaptures(Frame &Fr, const clang::LambdaExpr *L);
  /// The frame where \p L was made: the nearest followed frame of the
  /// function that defines it, or the starter's frame of this thread.
  Frame *creatorOf(const clang::LambdaExpr *L, bool &FromStarter);
  void bindCapturesHere(Frame &Fr, const clang::LambdaExpr *L);
  SyncKey syncKey(const clang::Expr *E);
  SyncKey syncKey(const AccessPath &P) const;
  const clang::ValueDecl *handleOf(const clang::Expr *E);
  void record(const clang::Expr *E, AccessKind K, AtomicOp Op, FlowState &St,
              clang::SourceLocation Loc = {});
  void recordPath(const AccessPath &P, clang::QualType T, clang::SourceLocation Loc, AccessKind K,
                  AtomicOp Op, const Binding &Via, FlowState &St);
  /// The function whose returned reference \p E goes through, if it held
  /// a lock as it returned it.
  const clang::FunctionDecl *getterOf(const clang::Expr *E);
  bool tracked(const AccessPath &P, clang::QualType T) const;
  std::optional<std::pair<std::string, std::string>> streamOf(const clang::Expr *E);

  Frame &frame() { return *Stack.back(); }
  Context &context() { return *Contexts[CurrentContext]; }
  bool emitting() const { return Emit; }

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const ThreadModel &Model;
  const CoroutineModel &Coroutines;
  Analysis &Out;

  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionInfo>> Infos;
  std::vector<std::unique_ptr<Context>> Contexts;
  /// Thread contexts of the current root, by start and call chain.
  std::map<std::pair<const clang::Expr *, uint64_t>, unsigned> ThreadOf;
  std::vector<unsigned> Pending;
  /// Which thread contexts a join of a handle ends.
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 2>> ByHandle;
  /// Followed calls that returned: (function, chain, entry) → exit.
  std::map<std::pair<const clang::FunctionDecl *, uint64_t>,
           std::vector<std::pair<FlowState, FlowState>>> Summaries;
  /// Futures and tokens tied to the promise, task or source they came from.
  llvm::DenseMap<const clang::ValueDecl *, SyncKey> SyncAliases;
  llvm::DenseMap<const clang::CXXRecordDecl *, const clang::LambdaExpr *> SeenLambdas;

  std::vector<Frame *> Stack;
  std::vector<CallHop> Chain; ///< calls followed from the context's entry
  unsigned CurrentContext = 0;
  unsigned CurrentRoot = 0;
  unsigned NextFrameId = 1;
  bool Emit = false;
  const clang::Stmt *CurrentElement = nullptr;
  unsigned long Budget = 0;
};

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_ENGINE_H
