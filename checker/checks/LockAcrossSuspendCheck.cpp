//===- LockAcrossSuspendCheck.cpp -----------------------------------------===//
//
// Walks each coroutine's body in order, keeping the set of locks held: a lock
// object holds its mutex from its declaration to the end of its scope (or to
// unlock(), for std::unique_lock and std::shared_lock), m.lock() holds until
// m.unlock(). Where paths meet (after if / switch / try / a loop) a lock held
// on any path that goes on is held: a co_await reached with the mutex locked
// on some path is a finding. Paths that return, break or continue go no
// further. Lambdas defined in the body are not walked (a coroutine lambda is
// a coroutine of its own).
//
//===----------------------------------------------------------------------===//
#include "checks/LockAcrossSuspendCheck.h"

#include "lib/Coroutines.h"
#include "lib/ThreadModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

#include <cassert>

namespace racelab {

namespace {

/// A mutex held at some point of the coroutine.
struct HeldMutex {
  /// The lock object (a std::lock_guard…) or, for m.lock(), null.
  const clang::VarDecl *Object = nullptr;
  /// The mutex (first one of a std::scoped_lock); may be null if unknown.
  const clang::ValueDecl *Mutex = nullptr;
  unsigned MoreMutexes = 0; ///< std::scoped_lock of several
  clang::SourceLocation LockedAt;

  bool sameAs(const HeldMutex &O) const {
    return Object ? Object == O.Object : (!O.Object && Mutex == O.Mutex);
  }
};

/// The locks held, and whether this path still goes on.
struct State {
  llvm::SmallVector<HeldMutex, 2> Held;
  bool Ended = false; ///< returned, broke out, continued, threw

  void add(const HeldMutex &H) {
    if (!llvm::any_of(Held, [&](const HeldMutex &O) { return O.sameAs(H); }))
      Held.push_back(H);
  }
  void removeObject(const clang::VarDecl *Object) {
    llvm::erase_if(Held, [&](const HeldMutex &O) { return O.Object == Object; });
  }
  void removeManual(const clang::ValueDecl *Mutex) {
    llvm::erase_if(Held, [&](const HeldMutex &O) { return !O.Object && O.Mutex == Mutex; });
  }
  /// Where two paths meet: held on any path that goes on.
  static State merge(const State &A, const State &B) {
    if (A.Ended)
      return B;
    if (B.Ended)
      return A;
    State M = A;
    for (const HeldMutex &H : B.Held)
      M.add(H);
    return M;
  }
};

const clang::ValueDecl *declOf(const clang::Expr *E) {
  E = stripTemporaries(E);
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = llvm::dyn_cast<clang::MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// std::move(x) → x.
const clang::VarDecl *movedVariable(const clang::Expr *E) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(stripTemporaries(E));
  if (!Call || Call->getNumArgs() != 1 || !Call->getDirectCallee() ||
      plainQualifiedName(Call->getDirectCallee()) != "std::move")
    return nullptr;
  return llvm::dyn_cast_or_null<clang::VarDecl>(declOf(Call->getArg(0)));
}

/// Awaiting these never suspends (Asio's this_coro:: queries, suspend_never).
bool neverSuspends(const clang::CoroutineSuspendExpr *S) {
  std::string Awaited = plainClassName(S->getOperand()->getType());
  return llvm::StringRef(Awaited).starts_with("boost::asio::this_coro::") ||
         Awaited == "std::suspend_never";
}

class SuspendWalker {
public:
  SuspendWalker(const clang::SourceManager &SM, DiagnosticSink &Sink, const std::string &Check)
      : SM(SM), Sink(Sink), CheckName(Check) {}

  void run(const clang::Stmt *Body) { stmt(Body); }

private:
  // ---- statements -------------------------------------------------------
  void stmt(const clang::Stmt *S) {
    // A block reached by no path may still hold case labels (a switch body).
    if (!S || (Cur.Ended && !llvm::isa<clang::CompoundStmt>(S)))
      return;
    if (const auto *C = llvm::dyn_cast<clang::CompoundStmt>(S)) {
      Scope Sc(*this);
      for (const clang::Stmt *Child : C->body()) {
        if (llvm::isa<clang::SwitchCase>(Child) && !SwitchEntries.empty())
          Cur = State::merge(Cur, SwitchEntries.back()); // a case label: reached from the switch too
        stmt(Child);
      }
      return;
    }
    if (const auto *D = llvm::dyn_cast<clang::DeclStmt>(S)) {
      for (const clang::Decl *Decl : D->decls())
        if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Decl))
          var(V);
      return;
    }
    if (const auto *If = llvm::dyn_cast<clang::IfStmt>(S)) {
      Scope Sc(*this);
      stmt(If->getInit());
      if (If->getConditionVariable())
        var(If->getConditionVariable());
      else
        expr(If->getCond());
      State Entry = Cur;
      stmt(If->getThen());
      State Then = Cur;
      Cur = Entry;
      stmt(If->getElse());
      Cur = State::merge(Then, Cur);
      return;
    }
    if (const auto *Sw = llvm::dyn_cast<clang::SwitchStmt>(S)) {
      Scope Sc(*this);
      stmt(Sw->getInit());
      if (Sw->getConditionVariable())
        var(Sw->getConditionVariable());
      else
        expr(Sw->getCond());
      State Entry = Cur;
      SwitchEntries.push_back(Entry);
      Cur.Ended = true; // the body is entered at a case label
      stmt(Sw->getBody());
      SwitchEntries.pop_back();
      Cur = State::merge(Cur, Entry);
      Cur.Ended = false; // a break leaves the switch
      return;
    }
    if (llvm::isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt, clang::CXXForRangeStmt>(S)) {
      loop(S);
      return;
    }
    if (const auto *T = llvm::dyn_cast<clang::CXXTryStmt>(S)) {
      State Entry = Cur;
      stmt(T->getTryBlock());
      State After = Cur;
      for (unsigned I = 0; I < T->getNumHandlers(); ++I) {
        Cur = Entry;
        stmt(T->getHandler(I)->getHandlerBlock());
        After = State::merge(After, Cur);
      }
      Cur = After;
      return;
    }
    if (const auto *SC = llvm::dyn_cast<clang::SwitchCase>(S)) {
      stmt(SC->getSubStmt());
      return;
    }
    if (const auto *L = llvm::dyn_cast<clang::LabelStmt>(S)) {
      stmt(L->getSubStmt());
      return;
    }
    if (const auto *R = llvm::dyn_cast<clang::CoreturnStmt>(S)) {
      expr(R->getOperand());
      Cur.Ended = true;
      return;
    }
    if (const auto *R = llvm::dyn_cast<clang::ReturnStmt>(S)) {
      expr(R->getRetValue());
      Cur.Ended = true;
      return;
    }
    if (llvm::isa<clang::BreakStmt, clang::ContinueStmt, clang::GotoStmt>(S)) {
      Cur.Ended = true;
      return;
    }
    if (const auto *E = llvm::dyn_cast<clang::Expr>(S)) {
      expr(E);
      return;
    }
    for (const clang::Stmt *Child : S->children())
      stmt(Child);
  }

  /// A loop body runs zero or more times: walked twice, so that a lock taken
  /// at the end of one iteration meets the co_await at the start of the next.
  void loop(const clang::Stmt *S) {
    Scope Sc(*this);
    const clang::Stmt *Body = nullptr;
    const clang::Expr *Cond = nullptr, *Inc = nullptr;
    if (const auto *F = llvm::dyn_cast<clang::ForStmt>(S)) {
      stmt(F->getInit());
      if (F->getConditionVariable())
        var(F->getConditionVariable());
      Cond = F->getCond();
      Inc = F->getInc();
      Body = F->getBody();
    } else if (const auto *W = llvm::dyn_cast<clang::WhileStmt>(S)) {
      if (W->getConditionVariable())
        var(W->getConditionVariable());
      Cond = W->getCond();
      Body = W->getBody();
    } else if (const auto *D = llvm::dyn_cast<clang::DoStmt>(S)) {
      Cond = D->getCond();
      Body = D->getBody();
    } else if (const auto *R = llvm::dyn_cast<clang::CXXForRangeStmt>(S)) {
      stmt(R->getInit());
      expr(R->getRangeInit());
      Body = R->getBody();
      // The loop variable is declared in the body's scope each time round.
      State Entry = Cur;
      for (int Round = 0; Round < 2; ++Round) {
        Scope Inner(*this);
        if (R->getLoopVariable())
          var(R->getLoopVariable());
        stmt(Body);
        Cur = State::merge(Entry, Cur);
        Cur.Ended = false;
        Entry = Cur;
      }
      return;
    }
    State Entry = Cur;
    for (int Round = 0; Round < 2; ++Round) {
      expr(Cond);
      stmt(Body);
      Cur.Ended = false; // continue goes round again; break leaves
      expr(Inc);
      Cur = State::merge(Entry, Cur);
      Entry = Cur;
    }
  }

  // ---- declarations -----------------------------------------------------
  void var(const clang::VarDecl *V) {
    const clang::Expr *Init = V->getInit();
    if (!isScopedLockType(V->getType())) {
      expr(Init);
      return;
    }
    Scopes.back().push_back(V);
    const auto *Construct =
        llvm::dyn_cast_or_null<clang::CXXConstructExpr>(Init ? stripInit(Init) : nullptr);
    if (!Construct) {
      expr(Init);
      return;
    }
    for (const clang::Expr *Arg : Construct->arguments())
      expr(Arg);
    if (Construct->getNumArgs() == 0)
      return; // a unique_lock that owns nothing yet
    if (Construct->getConstructor()->isCopyOrMoveConstructor()) {
      // std::unique_lock b(std::move(a)): b now owns what a owned.
      if (const clang::VarDecl *From = movedVariable(Construct->getArg(0))) {
        for (HeldMutex H : Cur.Held)
          if (H.Object == From) {
            H.Object = V;
            Cur.removeObject(From);
            Cur.add(H);
            break;
          }
      }
      return;
    }
    HeldMutex H;
    H.Object = V;
    H.LockedAt = V->getLocation();
    for (const clang::Expr *Arg : Construct->arguments()) {
      std::string Tag = plainClassName(Arg->getType());
      if (Tag == "std::defer_lock_t")
        return; // not locked yet
      if (Tag == "std::adopt_lock_t") {
        // m.lock(); std::lock_guard g(m, std::adopt_lock): g owns it now.
        for (const clang::Expr *A : Construct->arguments())
          if (isMutexType(A->getType()))
            Cur.removeManual(declOf(A));
        continue;
      }
      if (Tag == "std::try_to_lock_t")
        continue;
      if (isMutexType(Arg->getType())) {
        if (!H.Mutex)
          H.Mutex = declOf(Arg);
        else
          ++H.MoreMutexes;
      }
    }
    Cur.add(H);
  }

  static const clang::Expr *stripInit(const clang::Expr *E) {
    E = E->IgnoreImplicit();
    if (const auto *C = llvm::dyn_cast<clang::ExprWithCleanups>(E))
      E = C->getSubExpr()->IgnoreImplicit();
    return E;
  }

  // ---- expressions, in evaluation order (left to right) ----------------
  void expr(const clang::Expr *E) {
    if (!E || Cur.Ended)
      return;
    if (const auto *L = llvm::dyn_cast<clang::LambdaExpr>(E)) {
      for (const clang::Expr *Init : L->capture_inits())
        expr(Init);
      return;
    }
    if (const auto *S = llvm::dyn_cast<clang::CoroutineSuspendExpr>(E)) {
      expr(S->getOperand());
      if (!neverSuspends(S))
        suspend(S);
      return;
    }
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      for (const clang::Stmt *Child : M->children())
        expr(llvm::dyn_cast_or_null<clang::Expr>(Child));
      memberCall(M);
      return;
    }
    if (const auto *C = llvm::dyn_cast<clang::CallExpr>(E)) {
      for (const clang::Stmt *Child : C->children())
        expr(llvm::dyn_cast_or_null<clang::Expr>(Child));
      // Passing std::move(lk) away: lk owns nothing any more.
      for (const clang::Expr *Arg : C->arguments())
        if (const clang::VarDecl *Moved = movedVariable(Arg); Moved && isScopedLockType(Moved->getType()))
          Cur.removeObject(Moved);
      return;
    }
    for (const clang::Stmt *Child : E->children()) {
      if (const auto *Sub = llvm::dyn_cast_or_null<clang::Expr>(Child))
        expr(Sub);
      else
        stmt(Child); // a statement expression
    }
  }

  void memberCall(const clang::CXXMemberCallExpr *M) {
    const clang::CXXMethodDecl *Method = M->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    llvm::StringRef Name = Method->getName();
    const clang::Expr *Object = M->getImplicitObjectArgument();
    if (isScopedLockType(Object->getType())) {
      const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(declOf(Object));
      if (!V)
        return;
      if (Name == "unlock" || Name == "release") {
        Cur.removeObject(V);
      } else if (Name == "lock" || Name == "try_lock" || Name == "try_lock_for" ||
                 Name == "try_lock_until") {
        HeldMutex H;
        H.Object = V;
        H.LockedAt = M->getExprLoc();
        if (const auto *Construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(
                V->getInit() ? stripInit(V->getInit()) : nullptr);
            Construct && Construct->getNumArgs() > 0)
          H.Mutex = declOf(Construct->getArg(0));
        Cur.add(H);
      }
      return;
    }
    if (isMutexType(Object->getType())) {
      const clang::ValueDecl *Mutex = declOf(Object);
      if (!Mutex)
        return;
      if (Name == "lock" || Name == "lock_shared") {
        HeldMutex H;
        H.Mutex = Mutex;
        H.LockedAt = M->getExprLoc();
        Cur.add(H);
      } else if (Name == "unlock" || Name == "unlock_shared") {
        Cur.removeManual(Mutex);
      }
    }
  }

  void suspend(const clang::CoroutineSuspendExpr *S) {
    const char *Keyword = llvm::isa<clang::CoyieldExpr>(S) ? "co_yield" : "co_await";
    for (const HeldMutex &H : Cur.Held) {
      std::string Mutex = H.Mutex ? "'" + H.Mutex->getNameAsString() + "'" : "its mutex";
      if (H.MoreMutexes)
        Mutex += " (and " + std::to_string(H.MoreMutexes) + " more)";
      std::string By = H.Object ? "by '" + H.Object->getNameAsString() + "'"
                                : "by " + (H.Mutex ? H.Mutex->getNameAsString() : "m") + ".lock()";
      Diagnostic D;
      D.Check = CheckName;
      D.Message = Mutex + " is still locked (" + By + ") when the coroutine suspends at this " +
                  Keyword + ": whatever else locks it meanwhile waits until the coroutine " +
                  "resumes (on the same event loop: a deadlock), and the coroutine may resume " +
                  "on another thread, which must not unlock it";
      D.Notes.push_back(Note{DiagnosticSink::resolve(SM, H.LockedAt),
                             Mutex + " is locked here" +
                                 (H.Object ? ", and stays locked until '" +
                                                 H.Object->getNameAsString() + "' goes out of scope"
                                           : std::string(", and not unlocked before the ") +
                                                 Keyword)});
      D.Notes.push_back(Note{DiagnosticSink::resolve(SM, S->getBeginLoc()),
                             std::string("to fix: end the lock's scope before the ") + Keyword +
                                 " (put the critical section in a { } block of its own) or "
                                 "unlock() first; to keep others out across a suspension, use "
                                 "a strand or an asynchronous lock",
                             false});
      Sink.report(SM, S->getBeginLoc(), std::move(D));
    }
  }

  /// Lock objects declared in a block die at its end.
  struct Scope {
    explicit Scope(SuspendWalker &W) : W(W) { W.Scopes.emplace_back(); }
    ~Scope() {
      for (const clang::VarDecl *V : W.Scopes.back())
        W.Cur.removeObject(V);
      W.Scopes.pop_back();
    }
    SuspendWalker &W;
  };

  const clang::SourceManager &SM;
  DiagnosticSink &Sink;
  const std::string &CheckName;
  State Cur;
  std::vector<std::vector<const clang::VarDecl *>> Scopes{1};
  std::vector<State> SwitchEntries;
};

} // namespace

std::string LockAcrossSuspendCheck::summary() const {
  return "A mutex still locked where a coroutine suspends (co_await, co_yield) blocks or "
         "deadlocks whatever else needs it, and may be unlocked on another thread";
}

void LockAcrossSuspendCheck::check(const TranslationUnitContext &TU) {
  CoroutineModel Coroutines = CoroutineModel::build(TU.Ctx);
  for (const clang::FunctionDecl *Coro : Coroutines.Coroutines) {
    SuspendWalker Walker(TU.Ctx.getSourceManager(), TU.Sink, name());
    Walker.run(userBody(Coro));
  }
}

} // namespace racelab
