//===- Blocking.cpp -------------------------------------------------------===//
#include "lib/Blocking.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"

namespace racelab {

namespace {

struct TableEntry {
  llvm::StringRef Name;
  BlockingKind Kind;
};

const TableEntry Table[] = {
#define RACELAB_BLOCKING(NAME, KIND) {NAME, BlockingKind::KIND},
#include "lib/BlockingFunctions.def"
};

const llvm::StringMap<BlockingKind> &table() {
  static const llvm::StringMap<BlockingKind> Map = [] {
    llvm::StringMap<BlockingKind> M;
    for (const TableEntry &E : Table)
      M[E.Name] = E.Kind;
    return M;
  }();
  return Map;
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

/// Asynchronous work started and not waited for: its completion runs later.
bool startsAsyncWork(const clang::CallExpr *Call) {
  const clang::FunctionDecl *F = Call->getDirectCallee();
  if (F && F->getIdentifier()) {
    llvm::StringRef Name = F->getName();
    if (Name.starts_with("async_") || Name == "co_spawn" || Name == "post" || Name == "dispatch" ||
        Name == "defer")
      return true;
  }
  for (const clang::Expr *Arg : Call->arguments())
    if (isAsyncToken(Arg->getType()))
      return true;
  return false;
}

template <typename Pred> bool anyNode(const clang::Stmt *S, Pred P) {
  if (!S)
    return false;
  if (P(S))
    return true;
  if (llvm::isa<clang::LambdaExpr>(S))
    return false;
  for (const clang::Stmt *Child : S->children())
    if (anyNode(Child, P))
      return true;
  return false;
}

/// Does \p E mention a variable of \p Vars?
bool mentions(const clang::Stmt *E, const llvm::SmallPtrSetImpl<const clang::ValueDecl *> &Vars) {
  return anyNode(E, [&](const clang::Stmt *S) {
    const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(S);
    return Ref && Vars.count(Ref->getDecl());
  });
}

/// The variables assigned, incremented or decremented in \p S.
void modifiedIn(const clang::Stmt *S, llvm::SmallPtrSetImpl<const clang::ValueDecl *> &Out) {
  anyNode(S, [&](const clang::Stmt *N) {
    const clang::Expr *Target = nullptr;
    if (const auto *B = llvm::dyn_cast<clang::BinaryOperator>(N); B && B->isAssignmentOp())
      Target = B->getLHS();
    else if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(N); U && U->isIncrementDecrementOp())
      Target = U->getSubExpr();
    else if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(N);
             Op && Op->getNumArgs() > 0 &&
             (Op->isAssignmentOp() || Op->getOperator() == clang::OO_PlusPlus ||
              Op->getOperator() == clang::OO_MinusMinus))
      Target = Op->getArg(0);
    if (Target)
      if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Target->IgnoreParenImpCasts()))
        Out.insert(Ref->getDecl());
    return false;
  });
}

/// A bound that is the size of a container (v.size(), it != v.end()…).
bool isContainerBound(const clang::Expr *E) {
  return anyNode(E, [](const clang::Stmt *S) {
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(S))
      if (const clang::CXXMethodDecl *MD = M->getMethodDecl(); MD && MD->getIdentifier()) {
        llvm::StringRef Name = MD->getName();
        return Name == "size" || Name == "length" || Name == "end" || Name == "cend" ||
               Name == "rend" || Name == "empty" || Name == "count";
      }
    if (const auto *C = llvm::dyn_cast<clang::CallExpr>(S))
      if (const clang::FunctionDecl *F = C->getDirectCallee(); F && F->getIdentifier())
        return F->getName() == "size" || F->getName() == "end" || F->getName() == "strlen";
    return false;
  });
}

/// Arithmetic on values: +, -, *, /, %, shifts, bit operations, and their
/// compound assignments.
bool isArithmetic(const clang::Stmt *S) {
  const auto *B = llvm::dyn_cast<clang::BinaryOperator>(S);
  if (!B)
    return false;
  if (B->isCompoundAssignmentOp())
    return true;
  return B->isMultiplicativeOp() || B->isAdditiveOp() || B->isShiftOp() || B->isBitwiseOp();
}

} // namespace

std::optional<BlockingMatch> matchBlockingCall(const clang::CallExpr *Call,
                                               const clang::FunctionDecl *F,
                                               const clang::SourceManager &SM, bool Awaited) {
  if (!F || Awaited || startsAsyncWork(Call))
    return std::nullopt;
  bool Library = SM.isInSystemHeader(F->getCanonicalDecl()->getLocation()) || !F->getDefinition();
  if (!Library)
    return std::nullopt;
  // Console input: std::cin >> x, std::getline(std::cin, line), std::cin.get().
  const clang::Expr *Stream = nullptr;
  if (const auto *Member = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call))
    Stream = Member->getImplicitObjectArgument();
  else if (Call->getNumArgs() > 0)
    Stream = Call->getArg(0);
  if (Stream && isStdCin(Stream))
    return BlockingMatch{llvm::isa<clang::CXXOperatorCallExpr>(Call)
                             ? "std::cin >>"
                             : (llvm::isa<clang::CXXMemberCallExpr>(Call) ? "std::cin." : "std::") +
                                   F->getNameAsString(),
                         BlockingKind::Console};
  std::string Name = plainQualifiedName(F);
  if (auto It = table().find(Name); It != table().end())
    return BlockingMatch{Name, It->second};
  // Also under the class it is called on: std::future<int>::wait is
  // declared in std::__basic_future.
  if (const auto *Member = llvm::dyn_cast<clang::CXXMemberCallExpr>(Call)) {
    std::string Object =
        plainClassName(Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType());
    if (!Object.empty()) {
      std::string ByObject = Object + "::" + F->getNameAsString();
      if (auto It = table().find(ByObject); It != table().end())
        return BlockingMatch{ByObject, It->second};
    }
  }
  return std::nullopt;
}

std::optional<BlockingMatch> matchBlockingLoop(const clang::Stmt *Loop, clang::ASTContext &Ctx) {
  const clang::Expr *Cond = nullptr;
  const clang::Stmt *Body = nullptr, *Inc = nullptr;
  if (const auto *For = llvm::dyn_cast<clang::ForStmt>(Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
    Inc = For->getInc();
  } else if (const auto *While = llvm::dyn_cast<clang::WhileStmt>(Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = llvm::dyn_cast<clang::DoStmt>(Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  } else {
    return std::nullopt; // a range-for runs over data: as long as the data is
  }
  if (!Cond)
    return std::nullopt;
  auto Suspends = [](const clang::Stmt *S) {
    const auto *Suspend = llvm::dyn_cast<clang::CoroutineSuspendExpr>(S);
    if (!Suspend || !Suspend->getOperand())
      return false;
    // co_await this_coro::executor only asks a question: it never suspends.
    std::string Awaited = plainClassName(Suspend->getOperand()->getType());
    return !llvm::StringRef(Awaited).starts_with("boost::asio::this_coro::") &&
           Awaited != "std::suspend_never";
  };
  if (anyNode(Loop, Suspends))
    return std::nullopt; // hands the event loop back on the way round
  auto StartsAsync = [](const clang::Stmt *S) {
    const auto *C = llvm::dyn_cast<clang::CallExpr>(S);
    return C && startsAsyncWork(C);
  };
  if (anyNode(Body, StartsAsync))
    return std::nullopt; // starts work for later: each round is short

  // Watching the clock: busy until the time comes.
  bool Clock = anyNode(Cond, [](const clang::Stmt *S) {
    const auto *C = llvm::dyn_cast<clang::CallExpr>(S);
    const clang::FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    return F && F->getIdentifier() && F->getName() == "now" &&
           llvm::StringRef(plainQualifiedName(F)).starts_with("std::chrono::");
  });
  if (Clock)
    return BlockingMatch{"this loop, which watches the clock,", BlockingKind::BusyWait};
  // Spinning on an atomic flag another thread sets (a compare-exchange
  // loop only retries while others update: it is not waiting for them).
  bool Spins = anyNode(Cond, [](const clang::Stmt *S) {
    const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(S);
    if (!M || !M->getImplicitObjectArgument() || !M->getMethodDecl() ||
        !isAtomicType(M->getImplicitObjectArgument()->getType()))
      return false;
    const clang::CXXMethodDecl *MD = M->getMethodDecl();
    return llvm::isa<clang::CXXConversionDecl>(MD) ||
           (MD->getIdentifier() && (MD->getName() == "load" || MD->getName() == "test" ||
                                    MD->getName() == "test_and_set" || MD->getName() == "exchange"));
  });
  if (Spins)
    return BlockingMatch{"this loop, which spins on an atomic,", BlockingKind::BusyWait};

  // A counting loop up to a runtime bound: i < n, d * d <= n.
  const auto *Cmp = llvm::dyn_cast<clang::BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!Cmp || !(Cmp->isRelationalOp() || Cmp->getOpcode() == clang::BO_NE))
    return std::nullopt;
  llvm::SmallPtrSet<const clang::ValueDecl *, 4> Changed;
  modifiedIn(Inc, Changed);
  modifiedIn(Body, Changed);
  if (Changed.empty())
    return std::nullopt;
  const clang::Expr *L = Cmp->getLHS(), *R = Cmp->getRHS();
  bool LChanges = mentions(L, Changed), RChanges = mentions(R, Changed);
  if (LChanges == RChanges)
    return std::nullopt; // both move (a search), or neither (not a counter)
  const clang::Expr *Bound = LChanges ? R : L;
  if (!Bound->getType()->isArithmeticType() || isContainerBound(Bound) ||
      Bound->isValueDependent())
    return std::nullopt;
  clang::Expr::EvalResult Constant;
  if (Bound->EvaluateAsRValue(Constant, Ctx))
    return std::nullopt; // a fixed number of rounds
  // And each round computes something (not only takes a lock or calls out).
  bool Computes = anyNode(Cond, isArithmetic) || anyNode(Body, isArithmetic);
  if (!Computes)
    return std::nullopt;
  return BlockingMatch{"this loop", BlockingKind::CPULoop};
}

} // namespace racelab
