//===- BlockingInCoroutineCheck.cpp ---------------------------------------===//
//
// For every coroutine, the calls its body makes (not those inside lambdas it
// only defines, nor the awaited call of a co_await) are looked up in the
// table of blocking functions (BlockingFunctions.def); a call to a function of
// the file that is not itself a coroutine is followed, depth first, with a
// memo and a depth limit, and the first blocking call found in it is reported
// at the coroutine's call, with the chain in notes.
//
//===----------------------------------------------------------------------===//
#include "checks/BlockingInCoroutineCheck.h"

#include "lib/Coroutines.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"

#include <cassert>
#include <map>
#include <optional>

namespace racelab {

namespace {

enum class BlockingKind { Sleep, Lock, Wait, Join, IO, Console, AsioSync, EventLoop, Process, Custom };

struct BlockingEntry {
  llvm::StringRef Name;
  BlockingKind Kind;
};

const BlockingEntry BuiltinBlocking[] = {
#define RACELAB_BLOCKING(NAME, KIND) {NAME, BlockingKind::KIND},
#include "checks/BlockingFunctions.def"
};

/// How far calls are followed from a coroutine.
constexpr unsigned MaxDepth = 12;

/// One blocking call: what it is, and where.
struct BlockingCall {
  std::string Name; ///< as the message says it: "std::this_thread::sleep_for"
  BlockingKind Kind = BlockingKind::Custom;
  clang::SourceLocation Loc;
};

/// A call to a function of the file that may block inside.
struct CallSite {
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Loc;
};

/// What one function does directly, in source order.
struct Site {
  std::optional<BlockingCall> Blocking;
  CallSite Call;
};

/// The chain from a function down to a blocking call: each hop is
/// (caller, callee, where the caller calls it).
struct Hop {
  const clang::FunctionDecl *Caller;
  const clang::FunctionDecl *Callee;
  clang::SourceLocation Loc;
};
struct BlockingPath {
  std::vector<Hop> Hops;
  const clang::FunctionDecl *Last = nullptr; ///< the function that makes the blocking call
  BlockingCall Blocking;
};

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
    return "to fix: do not wait for a mutex on the event loop: keep the data in one coroutine "
           "or behind a strand, or offload the locking work to a thread pool";
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
  case BlockingKind::Custom:
    return "to fix: co_await an asynchronous equivalent, or offload the blocking work to a "
           "thread pool";
  }
  return "";
}

/// Completion tokens that turn an Asio operation into an asynchronous one.
bool isAsyncToken(clang::QualType T) {
  std::string Name = plainClassName(T);
  return Name == "boost::asio::use_awaitable_t" || Name == "boost::asio::use_future_t" ||
         Name == "boost::asio::deferred_t" || Name == "boost::asio::detached_t" ||
         Name == "boost::asio::as_tuple_t" || Name == "boost::asio::redirect_error_t" ||
         Name == "boost::asio::experimental::as_tuple_t" ||
         Name == "boost::asio::experimental::use_promise_t" ||
         Name == "boost::asio::experimental::awaitable_operators" ||
         Name == "boost::asio::experimental::deferred_t";
}

bool isStdCin(const clang::Expr *E) {
  const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return false;
  std::string Name = plainQualifiedName(Ref->getDecl());
  return Name == "std::cin" || Name == "std::wcin";
}

class BlockingFinder {
public:
  BlockingFinder(clang::ASTContext &Ctx, const std::vector<std::string> &Extra)
      : SM(Ctx.getSourceManager()) {
    for (const BlockingEntry &E : BuiltinBlocking)
      Builtin[E.Name] = E.Kind;
    for (const std::string &Name : Extra)
      Custom.insert(Name);
  }

  /// The direct blocking calls and the calls into the file's functions.
  const std::vector<Site> &sites(const clang::FunctionDecl *F) {
    auto It = SiteCache.find(F);
    if (It != SiteCache.end())
      return It->second;
    std::vector<Site> Sites;
    Current = &Sites;
    walk(userBody(F));
    Current = nullptr;
    return SiteCache[F] = std::move(Sites);
  }

  /// The first blocking call \p F makes, directly or through what it calls.
  std::optional<BlockingPath> blockingPath(const clang::FunctionDecl *F) {
    bool Incomplete = false;
    return search(F, 0, Incomplete);
  }

private:
  std::optional<BlockingPath> search(const clang::FunctionDecl *F, unsigned Depth,
                                     bool &Incomplete) {
    if (auto It = Memo.find(F); It != Memo.end())
      return It->second;
    if (Depth > MaxDepth || InProgress.count(F)) {
      Incomplete = true; // recursion, or too deep: say nothing rather than guess
      return std::nullopt;
    }
    InProgress.insert(F);
    bool MyIncomplete = false;
    std::optional<BlockingPath> Result;
    for (const Site &S : sites(F)) {
      if (S.Blocking) {
        Result = BlockingPath{{}, F, *S.Blocking};
        break;
      }
      if (std::optional<BlockingPath> Sub = search(S.Call.Callee, Depth + 1, MyIncomplete)) {
        Sub->Hops.insert(Sub->Hops.begin(), Hop{F, S.Call.Callee, S.Call.Loc});
        Result = std::move(Sub);
        break;
      }
    }
    InProgress.erase(F);
    if (Result || !MyIncomplete)
      Memo[F] = Result;
    Incomplete |= MyIncomplete;
    return Result;
  }

  void walk(const clang::Stmt *S) {
    if (!S)
      return;
    if (const auto *L = llvm::dyn_cast<clang::LambdaExpr>(S)) {
      // Defining a lambda runs nothing; what it captures is evaluated here.
      for (const clang::Expr *Init : L->capture_inits())
        walk(Init);
      return;
    }
    if (const auto *CB = llvm::dyn_cast<clang::CoroutineBodyStmt>(S)) {
      walk(CB->getBody());
      return;
    }
    if (const auto *Suspend = llvm::dyn_cast<clang::CoroutineSuspendExpr>(S)) {
      // The awaited expression makes an awaitable; awaiting it suspends.
      const clang::Expr *Operand = Suspend->getOperand();
      const clang::Expr *Saved = Awaited;
      Awaited = stripTemporaries(Operand);
      walk(Operand);
      Awaited = Saved;
      return;
    }
    if (const auto *Suspend = llvm::dyn_cast<clang::DependentCoawaitExpr>(S)) {
      walk(Suspend->getOperand());
      return;
    }
    if (const auto *Return = llvm::dyn_cast<clang::CoreturnStmt>(S)) {
      walk(Return->getOperand());
      return;
    }
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
      visitCall(Call);
    else if (const auto *Construct = llvm::dyn_cast<clang::CXXConstructExpr>(S))
      visitConstruct(Construct);
    for (const clang::Stmt *Child : S->children())
      walk(Child);
  }

  bool isBuiltinCandidate(const clang::FunctionDecl *F) const {
    const clang::FunctionDecl *C = F->getCanonicalDecl();
    return SM.isInSystemHeader(C->getLocation()) || !F->getDefinition();
  }

  std::optional<BlockingKind> lookup(const std::string &Name, const clang::FunctionDecl *F) const {
    if (Custom.count(Name))
      return BlockingKind::Custom;
    if (auto It = Builtin.find(Name); It != Builtin.end() && isBuiltinCandidate(F))
      return It->second;
    return std::nullopt;
  }

  void addBlocking(std::string Name, BlockingKind Kind, clang::SourceLocation Loc) {
    Current->push_back(Site{BlockingCall{std::move(Name), Kind, Loc}, {}});
  }

  void addCall(const clang::FunctionDecl *Callee, clang::SourceLocation Loc) {
    const clang::FunctionDecl *Def = Callee->getDefinition();
    if (!Def || !Def->getBody() || isCoroutine(Def) || SM.isInSystemHeader(Def->getLocation()))
      return; // a coroutine is checked on its own; a library is in the table or not at all
    Current->push_back(Site{std::nullopt, CallSite{Def, Loc}});
  }

  void visitCall(const clang::CallExpr *Call) {
    const clang::FunctionDecl *F = Call->getDirectCallee();
    if (!F)
      return;
    clang::SourceLocation Loc = Call->getExprLoc();
    bool IsAwaited = Awaited == Call;
    bool Async = IsAwaited || (F->getIdentifier() && F->getName().starts_with("async_"));
    for (const clang::Expr *Arg : Call->arguments())
      Async |= isAsyncToken(Arg->getType());

    if (!Async) {
      // Console input: std::cin >> x, std::getline(std::cin, line), std::cin.get().
      const clang::Expr *Stream = nullptr;
      if (const auto *Member = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call))
        Stream = Member->getImplicitObjectArgument();
      else if (Call->getNumArgs() > 0)
        Stream = Call->getArg(0);
      if (Stream && isStdCin(Stream) && isBuiltinCandidate(F)) {
        addBlocking(llvm::isa<clang::CXXOperatorCallExpr>(Call)
                        ? "std::cin >>"
                        : (llvm::isa<clang::CXXMemberCallExpr>(Call) ? "std::cin." : "std::") +
                              F->getNameAsString(),
                    BlockingKind::Console, Loc);
        return;
      }
      std::string Name = plainQualifiedName(F);
      std::optional<BlockingKind> Kind = lookup(Name, F);
      if (const auto *Member = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call); !Kind && Member) {
        // Also under the class it is called on: std::future<int>::wait is
        // declared in std::__basic_future.
        std::string Object =
            plainClassName(Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType());
        if (!Object.empty()) {
          std::string ByObject = Object + "::" + F->getNameAsString();
          if ((Kind = lookup(ByObject, F)))
            Name = ByObject;
        }
      }
      if (Kind) {
        addBlocking(Name, *Kind, Loc);
        return;
      }
    }
    addCall(F, Loc);
  }

  void visitConstruct(const clang::CXXConstructExpr *E) {
    const clang::CXXConstructorDecl *Ctor = E->getConstructor();
    std::string Class = plainClassName(E->getType());
    if (Class == "std::lock_guard" || Class == "std::scoped_lock" ||
        Class == "std::unique_lock" || Class == "std::shared_lock") {
      if (E->getNumArgs() == 0 || Ctor->isCopyOrMoveConstructor())
        return;
      for (const clang::Expr *Arg : E->arguments()) {
        std::string Tag = plainClassName(Arg->getType());
        if (Tag == "std::defer_lock_t" || Tag == "std::try_to_lock_t" ||
            Tag == "std::adopt_lock_t")
          return; // does not wait (or the mutex is already held)
      }
      addBlocking(Class, BlockingKind::Lock, E->getExprLoc());
      return;
    }
    if (!Class.empty() && Custom.count(Class)) {
      addBlocking(Class, BlockingKind::Custom, E->getExprLoc());
      return;
    }
    addCall(Ctor, E->getExprLoc());
  }

  const clang::SourceManager &SM;
  llvm::StringMap<BlockingKind> Builtin;
  llvm::StringSet<> Custom;
  /// A std::map: references to its vectors stay valid while it grows.
  std::map<const clang::FunctionDecl *, std::vector<Site>> SiteCache;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<BlockingPath>> Memo;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  std::vector<Site> *Current = nullptr;
  const clang::Expr *Awaited = nullptr;
};

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

} // namespace

std::string BlockingInCoroutineCheck::summary() const {
  return "A blocking call (sleep, mutex lock, wait, join, blocking I/O, synchronous Asio) "
         "inside a coroutine stops every other coroutine on its event loop";
}

void BlockingInCoroutineCheck::check(const TranslationUnitContext &TU) {
  clang::ASTContext &Ctx = TU.Ctx;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  CoroutineModel Coroutines = CoroutineModel::build(Ctx);
  BlockingFinder Finder(Ctx, parseNames(option("BlockingFunctions")));

  for (const clang::FunctionDecl *Coro : Coroutines.Coroutines) {
    if (Coroutines.Offloaded.count(Coro))
      continue; // runs on a thread pool, where blocking stops no event loop
    std::string CoroName = displayName(Ctx, Coro);
    // Copy: sites() of the callees may grow the cache under the reference.
    std::vector<Site> Sites = Finder.sites(Coro);
    for (const Site &S : Sites) {
      Diagnostic D;
      D.Check = name();
      clang::SourceLocation At;
      std::optional<BlockingPath> Path;
      const BlockingCall *Blocking = nullptr;
      if (S.Blocking) {
        Blocking = &*S.Blocking;
        At = Blocking->Loc;
        D.Message = "'" + Blocking->Name + "'";
      } else {
        Path = Finder.blockingPath(S.Call.Callee);
        if (!Path)
          continue;
        Blocking = &Path->Blocking;
        At = S.Call.Loc;
        D.Message = "'" + Blocking->Name + "' (called through " +
                    displayName(Ctx, S.Call.Callee) + ")";
      }
      D.Message += " blocks the thread that runs this coroutine: " + whileItWaits(Blocking->Kind) +
                   ", no other coroutine on the event loop can run";
      if (Path) {
        D.Notes.push_back(Note{DiagnosticSink::resolve(SM, At),
                               CoroName + " calls " + displayName(Ctx, S.Call.Callee) + " here",
                               /*ShowSource=*/false});
        for (const Hop &H : Path->Hops)
          D.Notes.push_back(Note{DiagnosticSink::resolve(SM, H.Loc),
                                 displayName(Ctx, H.Caller) + " calls " +
                                     displayName(Ctx, H.Callee) + " here"});
        D.Notes.push_back(Note{DiagnosticSink::resolve(SM, Blocking->Loc),
                               displayName(Ctx, Path->Last) + " calls '" + Blocking->Name +
                                   "', which blocks here"});
      }
      D.Notes.push_back(Note{DiagnosticSink::resolve(SM, At), hint(Blocking->Kind), false});
      TU.Sink.report(SM, At, std::move(D));
    }
  }
}

} // namespace racelab
