//===- ThreadModel.cpp ----------------------------------------------------===//
#include "lib/ThreadModel.h"
#include "lib/Coroutines.h"

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab {

namespace {

const clang::CXXRecordDecl *recordOf(clang::QualType T) {
  T = T.getNonReferenceType();
  while (const clang::ArrayType *A = T->getAsArrayTypeUnsafe())
    T = A->getElementType();
  return T->getAsCXXRecordDecl();
}

bool isInStd(const clang::Decl *D) {
  return D->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace();
}

const clang::Expr *strip(const clang::Expr *E) {
  while (true) {
    const clang::Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(Next);
        U && U->getOpcode() == clang::UO_AddrOf)
      Next = U->getSubExpr();
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(Next);
        C && C->getNumArgs() == 1 && !llvm::isa<clang::CXXTemporaryObjectExpr>(C))
      Next = C->getArg(0); // the decay-copy of a closure or functor
    if (Next == E)
      return E;
    E = Next;
  }
}

/// std::ref(x) / std::cref(x) → x.
const clang::VarDecl *refArgument(const clang::Expr *E) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(strip(E));
  if (!Call || Call->getNumArgs() != 1)
    return nullptr;
  const clang::FunctionDecl *F = Call->getDirectCallee();
  if (!F || !isInStd(F) || (F->getName() != "ref" && F->getName() != "cref"))
    return nullptr;
  const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(strip(Call->getArg(0)));
  return Ref ? llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()) : nullptr;
}


/// Range-for loop variables and the container they run over:
/// `for (auto &t : threads)` maps t to threads.
using RangeVarMap = llvm::DenseMap<const clang::VarDecl *, const clang::ValueDecl *>;

/// The variable or member a thread handle expression names: t, threads[i],
/// &id, ids[i], a range-for variable (its container), futures.back().
const clang::ValueDecl *handleDecl(const clang::Expr *E, const RangeVarMap &RangeVars) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
        if (auto It = RangeVars.find(V); It != RangeVars.end())
          return It->second;
      return Ref->getDecl();
    }
    if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E))
      return M->getMemberDecl();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(E)) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *A = llvm::dyn_cast<clang::ArraySubscriptExpr>(E)) {
      E = A->getBase();
      continue;
    }
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == clang::OO_Subscript && Op->getNumArgs() > 0) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Call = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      E = Call->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

void noteRangeVar(const clang::CXXForRangeStmt *S, RangeVarMap &RangeVars) {
  if (const clang::VarDecl *V = S->getLoopVariable())
    if (const clang::ValueDecl *Range = handleDecl(S->getRangeInit(), RangeVars))
      RangeVars[V] = Range;
}

/// One join (or future get/wait) in a spawning function.
struct JoinSite {
  const clang::ValueDecl *Handle = nullptr;
  clang::SourceLocation Call;
  const clang::Stmt *OuterLoop = nullptr; ///< the outermost loop around it, if any
};

/// Finds the joins in one function's own code (not in its lambdas).
class JoinCollector : public clang::RecursiveASTVisitor<JoinCollector> {
  using Base = clang::RecursiveASTVisitor<JoinCollector>;

public:
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }

#define RACELAB_LOOP(Kind)                                                                 \
  bool Traverse##Kind(clang::Kind *S) {                                                    \
    noteLoop(S);                                                                           \
    const clang::Stmt *SavedLoop = OuterLoop;                                              \
    if (!OuterLoop)                                                                        \
      OuterLoop = S;                                                                       \
    bool Result = Base::Traverse##Kind(S);                                                 \
    OuterLoop = SavedLoop;                                                                 \
    return Result;                                                                         \
  }
  RACELAB_LOOP(ForStmt)
  RACELAB_LOOP(WhileStmt)
  RACELAB_LOOP(DoStmt)
  RACELAB_LOOP(CXXForRangeStmt)
#undef RACELAB_LOOP

  bool VisitCallExpr(clang::CallExpr *E) {
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      const clang::CXXMethodDecl *MD = M->getMethodDecl();
      const clang::Expr *Obj = M->getImplicitObjectArgument();
      if (!MD || !MD->getIdentifier() || !Obj)
        return true;
      llvm::StringRef Name = MD->getName();
      clang::QualType T = Obj->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      bool Joins = (Name == "join" && isStdClass(T, {"thread", "jthread"})) ||
                   ((Name == "get" || Name == "wait") && isStdClass(T, {"future", "shared_future"})) ||
                   ((Name == "join" || Name == "wait") &&
                    plainClassName(T) == "boost::asio::thread_pool");
      if (Joins)
        Joins_.push_back({handleDecl(Obj, RangeVars), E->getBeginLoc(), OuterLoop});
      return true;
    }
    if (const clang::FunctionDecl *F = E->getDirectCallee();
        F && F->getIdentifier() && F->getName() == "pthread_join" && E->getNumArgs() == 2)
      Joins_.push_back({handleDecl(E->getArg(0), RangeVars), E->getBeginLoc(), OuterLoop});
    return true;
  }

  /// A boost::asio::thread_pool declared in a block: its destructor joins the
  /// pool at the block's closing brace.
  bool VisitCompoundStmt(clang::CompoundStmt *S) {
    for (const clang::Stmt *Child : S->body())
      if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(Child))
        for (const clang::Decl *D : DS->decls())
          if (const auto *V = llvm::dyn_cast<clang::VarDecl>(D);
              V && V->hasLocalStorage() && plainClassName(V->getType()) == "boost::asio::thread_pool" &&
              !V->getType()->isReferenceType())
            Joins_.push_back({V, S->getRBracLoc(), OuterLoop});
    return true;
  }

  std::vector<JoinSite> Joins_;

private:
  void noteLoop(const clang::Stmt *) {}
  void noteLoop(const clang::CXXForRangeStmt *S) { noteRangeVar(S, RangeVars); }

  RangeVarMap RangeVars;
  const clang::Stmt *OuterLoop = nullptr;
};
} // namespace

bool isSystemDecl(const clang::ASTContext &Ctx, const clang::Decl *D) {
  return !llvm::isa<clang::TranslationUnitDecl>(D) &&
         Ctx.getSourceManager().isInSystemHeader(D->getLocation());
}

bool isStdClass(clang::QualType T, llvm::ArrayRef<llvm::StringRef> Names) {
  const clang::CXXRecordDecl *R = recordOf(T);
  if (!R || !R->getIdentifier() || !isInStd(R))
    return false;
  return llvm::is_contained(Names, R->getName());
}

bool isMutexType(clang::QualType T) {
  return isStdClass(T, {"mutex", "recursive_mutex", "timed_mutex", "recursive_timed_mutex",
                        "shared_mutex", "shared_timed_mutex"});
}

bool isScopedLockType(clang::QualType T) {
  return isStdClass(T, {"lock_guard", "unique_lock", "scoped_lock", "shared_lock"});
}

bool isAtomicType(clang::QualType T) {
  clang::QualType N = T.getNonReferenceType();
  return N->isAtomicType() || isStdClass(N, {"atomic", "atomic_ref", "atomic_flag", "__atomic_base", "__atomic_float",
                                               "__atomic_ref"});
}

bool isSyncType(clang::QualType T) {
  if (const auto *Typedef = T.getNonReferenceType()->getAs<clang::TypedefType>()) {
    llvm::StringRef Name = Typedef->getDecl()->getName();
    if (Name == "pthread_mutex_t" || Name == "pthread_cond_t" || Name == "pthread_t")
      return true;
  }
  // Boost.Asio's pools, contexts, executors and strands synchronise themselves.
  static const llvm::StringRef AsioTypes[] = {
      "boost::asio::thread_pool", "boost::asio::thread_pool::basic_executor_type",
      "boost::asio::io_context", "boost::asio::io_context::basic_executor_type",
      "boost::asio::strand", "boost::asio::io_context::strand",
      "boost::asio::execution::any_executor", "boost::asio::executor_work_guard"};
  if (llvm::is_contained(AsioTypes, plainClassName(T)))
    return true;
  return isMutexType(T) || isScopedLockType(T) ||
         isStdClass(T, {"condition_variable", "condition_variable_any", "once_flag", "latch",
                        "barrier", "counting_semaphore", "thread", "jthread", "stop_source",
                        "stop_token", "promise", "future", "shared_future", "packaged_task"});
}

/// Walks the user's code (never the system headers) and records thread starts.
class SpawnCollector : public clang::RecursiveASTVisitor<SpawnCollector> {
  using Base = clang::RecursiveASTVisitor<SpawnCollector>;

public:
  SpawnCollector(clang::ASTContext &Ctx, ThreadModel &Model) : Ctx(Ctx), Model(Model) {}

  bool TraverseDecl(clang::Decl *D) {
    if (!D)
      return true;
    if (isSystemDecl(Ctx, D))
      return true;
    // Loops of an enclosing function do not repeat the code of a nested one.
    unsigned SavedLoops = LoopDepth;
    const clang::Stmt *SavedLoop = OutermostLoop;
    const clang::FunctionDecl *SavedFunction = CurrentFunction;
    const clang::LambdaExpr *SavedLambda = CurrentLambda;
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D)) {
      LoopDepth = 0;
      OutermostLoop = nullptr;
      CurrentFunction = F;
      CurrentLambda = nullptr;
    }
    Ancestors.push_back(clang::DynTypedNode::create(*D));
    bool Result = Base::TraverseDecl(D);
    Ancestors.pop_back();
    LoopDepth = SavedLoops;
    OutermostLoop = SavedLoop;
    CurrentFunction = SavedFunction;
    CurrentLambda = SavedLambda;
    return Result;
  }

  bool TraverseLambdaExpr(clang::LambdaExpr *L) {
    unsigned SavedLoops = LoopDepth;
    const clang::Stmt *SavedLoop = OutermostLoop;
    const clang::FunctionDecl *SavedFunction = CurrentFunction;
    const clang::LambdaExpr *SavedLambda = CurrentLambda;
    LoopDepth = 0;
    OutermostLoop = nullptr;
    CurrentFunction = L->getCallOperator();
    CurrentLambda = L;
    bool Result = Base::TraverseLambdaExpr(L);
    LoopDepth = SavedLoops;
    OutermostLoop = SavedLoop;
    CurrentFunction = SavedFunction;
    CurrentLambda = SavedLambda;
    return Result;
  }

  // The chain of nodes from the translation unit down to the one being
  // visited, for declaredBy(). (Ctx.getParents() would build a parent map of
  // the whole TU, system headers included: a third of the parse time of a
  // file that includes Boost.Asio.) Statements are pushed and popped by the
  // data-recursion hooks, so deep expressions still need no deep stack.
  bool dataTraverseStmtPre(clang::Stmt *S) {
    Ancestors.push_back(clang::DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(clang::Stmt *) {
    Ancestors.pop_back();
    return true;
  }
  // Parents that are neither statements nor declarations, so that an
  // expression inside a type or a member initialiser is not taken for a
  // variable's initialiser.
#if CLANG_VERSION_MAJOR >= 22 // LLVM 22 added the qualifier flag
  bool TraverseTypeLoc(clang::TypeLoc TL, bool TraverseQualifier = true) {
    Ancestors.push_back(clang::DynTypedNode::create(TL));
    bool Result = Base::TraverseTypeLoc(TL, TraverseQualifier);
#else
  bool TraverseTypeLoc(clang::TypeLoc TL) {
    Ancestors.push_back(clang::DynTypedNode::create(TL));
    bool Result = Base::TraverseTypeLoc(TL);
#endif
    Ancestors.pop_back();
    return Result;
  }
  bool TraverseTemplateArgumentLoc(const clang::TemplateArgumentLoc &A) {
    Ancestors.push_back(clang::DynTypedNode::create(A));
    bool Result = Base::TraverseTemplateArgumentLoc(A);
    Ancestors.pop_back();
    return Result;
  }
  bool TraverseConstructorInitializer(clang::CXXCtorInitializer *Init) {
    if (!Init)
      return true;
    Ancestors.push_back(clang::DynTypedNode::create(*Init));
    bool Result = Base::TraverseConstructorInitializer(Init);
    Ancestors.pop_back();
    return Result;
  }

#define RACELAB_LOOP(Kind)                                                                 \
  bool Traverse##Kind(clang::Kind *S) {                                                    \
    noteLoop(S);                                                                           \
    const clang::Stmt *SavedLoop = OutermostLoop;                                          \
    if (LoopDepth++ == 0)                                                                  \
      OutermostLoop = S;                                                                   \
    bool Result = Base::Traverse##Kind(S);                                                 \
    --LoopDepth;                                                                           \
    OutermostLoop = SavedLoop;                                                             \
    return Result;                                                                         \
  }
  RACELAB_LOOP(ForStmt)
  RACELAB_LOOP(WhileStmt)
  RACELAB_LOOP(DoStmt)
  RACELAB_LOOP(CXXForRangeStmt)
#undef RACELAB_LOOP

  bool VisitCXXConstructExpr(clang::CXXConstructExpr *E) {
    if (E->getNumArgs() == 0 || !isStdClass(E->getType(), {"thread", "jthread"}))
      return true;
    if (isStdClass(E->getArg(0)->getType(), {"thread", "jthread"}))
      return true; // a move, not a start
    addSpawn(E, E->getArg(0), llvm::ArrayRef(E->getArgs() + 1, E->getNumArgs() - 1),
             /*ThisArg=*/E->getNumArgs() > 1 ? E->getArg(1) : nullptr,
             declaredBy(E));
    return true;
  }

  bool VisitCallExpr(clang::CallExpr *E) {
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      const clang::CXXMethodDecl *Method = M->getMethodDecl();
      if (!Method || !Method->getIdentifier())
        return true;
      llvm::StringRef Name = Method->getName();
      if (Name != "emplace_back" && Name != "emplace_front" && Name != "emplace")
        return true;
      const auto *Spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          recordOf(M->getImplicitObjectArgument()->getType()));
      if (!Spec || Spec->getTemplateArgs().size() == 0 ||
          Spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type ||
          !isStdClass(Spec->getTemplateArgs()[0].getAsType(), {"thread", "jthread"}))
        return true;
      unsigned First = Name == "emplace" ? 1 : 0; // emplace(position, f, args…)
      if (M->getNumArgs() <= First)
        return true;
      auto Rest = llvm::ArrayRef(M->getArgs() + First + 1, M->getNumArgs() - First - 1);
      addSpawn(E, M->getArg(First), Rest, Rest.empty() ? nullptr : Rest.front(),
               handleDecl(M->getImplicitObjectArgument(), RangeVars));
      return true;
    }
    const clang::FunctionDecl *F = E->getDirectCallee();
    if (!F || !F->getIdentifier())
      return true;
    if (F->getName() == "async" && isInStd(F) && E->getNumArgs() > 0) {
      unsigned First = isStdClass(E->getArg(0)->getType(), {}) ||
                               E->getArg(0)->getType()->isEnumeralType()
                           ? 1
                           : 0; // std::async(std::launch::async, f, args…)
      if (E->getNumArgs() > First) {
        auto Rest = llvm::ArrayRef(E->getArgs() + First + 1, E->getNumArgs() - First - 1);
        addSpawn(E, E->getArg(First), Rest, Rest.empty() ? nullptr : Rest.front(),
                 declaredBy(E));
      }
      return true;
    }
    if (F->getName() == "pthread_create" && E->getNumArgs() == 4)
      addSpawn(E, E->getArg(2), {}, nullptr, handleDecl(E->getArg(0), RangeVars));
    if (isPoolHandoff(E, F))
      addPoolSpawn(E, F->getName() == "co_spawn");
    return true;
  }

private:
  /// boost::asio::post / dispatch / defer / co_spawn whose first argument is
  /// a thread_pool, its executor, or a strand over it: the work runs on a
  /// pool thread. (An io_context is run by the thread that calls run(): not
  /// a new thread.)
  static bool isPoolHandoff(const clang::CallExpr *E, const clang::FunctionDecl *F) {
    llvm::StringRef Name = F->getName();
    if (E->getNumArgs() < 2 ||
        (Name != "post" && Name != "dispatch" && Name != "defer" && Name != "co_spawn"))
      return false;
    if (plainQualifiedName(F) != ("boost::asio::" + Name).str())
      return false;
    return isThreadPoolType(E->getArg(0)->getType());
  }

  /// The thread_pool variable a strand variable was made over:
  /// `auto s = make_strand(pool)`, `strand<…> s(pool.get_executor())`.
  static const clang::ValueDecl *poolOf(const clang::Stmt *S) {
    if (!S)
      return nullptr;
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(S))
      if (plainClassName(Ref->getType()) == "boost::asio::thread_pool")
        return Ref->getDecl();
    if (llvm::isa<clang::LambdaExpr>(S))
      return nullptr;
    for (const clang::Stmt *Child : S->children())
      if (const clang::ValueDecl *Pool = poolOf(Child))
        return Pool;
    return nullptr;
  }

  /// post(pool, f), co_spawn(pool, coroutine(args…), token), through a strand.
  void addPoolSpawn(const clang::CallExpr *E, bool CoSpawn) {
    const clang::Expr *Work = E->getArg(1);
    llvm::ArrayRef<const clang::Expr *> Args;
    // co_spawn(pool, task(n), detached): the coroutine task's body runs there.
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(stripTemporaries(Work));
        CoSpawn && Call && isCoroutine(Call->getDirectCallee()) &&
        !llvm::isa<clang::CXXMemberCallExpr>(Call)) {
      Work = Call->getCallee();
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    }
    const clang::ValueDecl *Handle = handleDecl(E->getArg(0), RangeVars);
    const clang::ValueDecl *Strand = nullptr;
    if (Handle && isAsioStrandType(Handle->getType())) {
      Strand = Handle;
      const auto *V = llvm::dyn_cast<clang::VarDecl>(Handle);
      Handle = V ? poolOf(V->getInit()) : nullptr; // the pool's join ends the strand's work
    }
    addSpawn(E, Work, Args, nullptr, Handle, Strand);
  }

  void addSpawn(const clang::Expr *Spawn, const clang::Expr *Callable,
                llvm::ArrayRef<const clang::Expr *> Args, const clang::Expr *ThisArg,
                const clang::ValueDecl *Handle, const clang::ValueDecl *Strand = nullptr) {
    const clang::Expr *C = strip(Callable);
    const clang::LambdaExpr *Lambda = nullptr;
    const clang::FunctionDecl *F = nullptr;
    // `auto worker = [&] {…}; std::thread t(worker);`
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(C)) {
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
          V && V->getInit())
        C = strip(V->getInit());
    }
    if ((Lambda = llvm::dyn_cast<clang::LambdaExpr>(C)))
      F = Lambda->getCallOperator();
    else if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(C))
      F = llvm::dyn_cast<clang::FunctionDecl>(Ref->getDecl());
    if (!F)
      return;
    if (const clang::FunctionDecl *Def = F->getDefinition())
      F = Def;
    if (!F->hasBody())
      return;
    Model.SpawnExprs.insert(Spawn);

    auto It = llvm::find_if(Model.Entries, [&](const ThreadEntry &T) { return T.Function == F; });
    if (It == Model.Entries.end()) {
      ThreadEntry T;
      T.Function = F;
      T.Lambda = Lambda;
      if (Lambda) {
        unsigned Line = Ctx.getSourceManager().getPresumedLineNumber(
            Ctx.getSourceManager().getFileLoc(Lambda->getBeginLoc()));
        T.Name = "the lambda at line " + std::to_string(Line);
        T.ThisIsShared = llvm::any_of(Lambda->captures(), [](const clang::LambdaCapture &Cap) {
                           return Cap.capturesThis();
                         });
      } else {
        T.Name = "'" + F->getNameAsString() + "'";
        if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F);
            M && M->isInstance() && ThisArg &&
            llvm::isa<clang::CXXThisExpr>(ThisArg->IgnoreParenImpCasts()))
          T.ThisIsShared = true;
      }
      Model.Entries.push_back(std::move(T));
      It = std::prev(Model.Entries.end());
    }
    It->SpawnSites.push_back(Spawn->getBeginLoc());
    It->SpawnStrands.push_back(Strand);
    if (CurrentFunction) {
      SpawnWindow W;
      W.Function = CurrentFunction;
      W.Lambda = CurrentLambda;
      W.Spawn = W.Start = Spawn->getBeginLoc();
      It->Windows.push_back(W);
      Pending.push_back({static_cast<size_t>(It - Model.Entries.begin()), It->Windows.size() - 1,
                         Handle, OutermostLoop});
    }
    It->SpawnedInLoop |= LoopDepth > 0;

    // std::thread(worker, std::ref(total)): worker's reference parameter is total.
    bool Member = llvm::isa<clang::CXXMethodDecl>(F) &&
                  llvm::cast<clang::CXXMethodDecl>(F)->isInstance() && !Lambda;
    unsigned Skip = Member ? 1 : 0; // the object a member function runs on
    for (unsigned I = Skip; I < Args.size(); ++I) {
      unsigned Param = I - Skip;
      if (Param >= F->getNumParams())
        break;
      if (const clang::VarDecl *V = refArgument(Args[I]))
        It->RefParams[F->getParamDecl(Param)] = V;
    }
  }

  clang::ASTContext &Ctx;
  ThreadModel &Model;
  unsigned LoopDepth = 0;
  void noteLoop(const clang::Stmt *) {}
  void noteLoop(const clang::CXXForRangeStmt *S) { noteRangeVar(S, RangeVars); }

  /// The variable a thread (or future) is stored in: `std::thread t(…)`,
  /// `t = std::thread(…)`, `futures.push_back(std::async(…))`.
  const clang::ValueDecl *declaredBy(const clang::Expr *E) {
    // Called while E is visited: E is the innermost ancestor.
    size_t Index = Ancestors.size();
    if (Index == 0 || Ancestors.back().get<clang::Expr>() != E)
      return nullptr;
    --Index;
    for (int Depth = 0; Depth < 8; ++Depth) {
      if (Index == 0)
        return nullptr;
      const clang::DynTypedNode &Node = Ancestors[--Index];
      if (const auto *V = Node.get<clang::VarDecl>())
        return V;
      const auto *P = Node.get<clang::Expr>();
      if (!P)
        return nullptr;
      if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(P))
        return handleDecl(M->getImplicitObjectArgument(), RangeVars);
      if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(P);
          Op && Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2)
        return handleDecl(Op->getArg(0), RangeVars);
      if (!llvm::isa<clang::ExprWithCleanups, clang::MaterializeTemporaryExpr,
                     clang::CXXBindTemporaryExpr, clang::ImplicitCastExpr, clang::CXXConstructExpr,
                     clang::CXXFunctionalCastExpr, clang::ParenExpr>(P))
        return nullptr;
    }
    return nullptr;
  }

  /// A start waiting for its join: the entry, the window, the thread's handle.
  struct PendingWindow {
    size_t Entry;
    size_t Window;
    const clang::ValueDecl *Handle;
    const clang::Stmt *OuterLoop;
  };

public:
  /// Closes every window at the first join of its thread after the start.
  void resolveJoins() {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    llvm::DenseMap<const clang::FunctionDecl *, std::vector<JoinSite>> JoinsOf;
    llvm::DenseSet<size_t> JoinedInLoop, NotJoinedInLoop;
    for (const PendingWindow &P : Pending) {
      SpawnWindow &W = Model.Entries[P.Entry].Windows[P.Window];
      auto [It, Inserted] = JoinsOf.try_emplace(W.Function);
      if (Inserted && W.Function->getBody()) {
        JoinCollector Joins;
        Joins.TraverseStmt(W.Function->getBody());
        It->second = std::move(Joins.Joins_);
      }
      const JoinSite *First = nullptr;
      if (P.Handle)
        for (const JoinSite &J : It->second)
          if (J.Handle == P.Handle && SM.isBeforeInTranslationUnit(W.Spawn, J.Call) &&
              (!First || SM.isBeforeInTranslationUnit(J.Call, First->Call)))
            First = &J;
      bool SameLoop = First && P.OuterLoop && First->OuterLoop == P.OuterLoop;
      // Started and joined in the same iteration: the loop runs one at a time.
      if (P.OuterLoop)
        (SameLoop ? JoinedInLoop : NotJoinedInLoop).insert(P.Entry);
      if (P.OuterLoop && !SameLoop)
        W.Start = P.OuterLoop->getBeginLoc();
      if (First) {
        W.Join = First->Call;
        W.End = First->OuterLoop && !SameLoop ? First->OuterLoop->getBeginLoc() : First->Call;
      }
    }
    for (size_t Entry : JoinedInLoop)
      if (!NotJoinedInLoop.count(Entry))
        Model.Entries[Entry].SpawnedInLoop = false;
  }

private:
  std::vector<PendingWindow> Pending;
  llvm::SmallVector<clang::DynTypedNode, 64> Ancestors;
  RangeVarMap RangeVars;
  const clang::FunctionDecl *CurrentFunction = nullptr;
  const clang::LambdaExpr *CurrentLambda = nullptr;
  const clang::Stmt *OutermostLoop = nullptr;
};

static void collectThreadCode(clang::ASTContext &Ctx, const std::vector<ThreadEntry> &Entries,
                              llvm::SmallPtrSet<const clang::FunctionDecl *, 16> &ThreadCode);

ThreadModel ThreadModel::build(clang::ASTContext &Ctx) {
  ThreadModel Model;
  SpawnCollector Collector(Ctx, Model);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  Collector.resolveJoins();
  collectThreadCode(Ctx, Model.Entries, Model.ThreadCode);
  Model.Sources = &Ctx.getSourceManager();
  llvm::sort(Model.Entries, [&](const ThreadEntry &A, const ThreadEntry &B) {
    return Ctx.getSourceManager().isBeforeInTranslationUnit(A.SpawnSites.front(),
                                                            B.SpawnSites.front());
  });
  return Model;
}


namespace {
/// Collects the functions a body refers to (calls, or passes on).
class CalleeCollector : public clang::RecursiveASTVisitor<CalleeCollector> {
public:
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    add(llvm::dyn_cast<clang::FunctionDecl>(E->getDecl()));
    return true;
  }
  bool VisitMemberExpr(clang::MemberExpr *E) {
    add(llvm::dyn_cast<clang::FunctionDecl>(E->getMemberDecl()));
    return true;
  }
  void add(const clang::FunctionDecl *F) {
    if (F && (F = F->getDefinition()) && F->hasBody())
      Found.push_back(F);
  }
  std::vector<const clang::FunctionDecl *> Found;
};
} // namespace

static void collectThreadCode(clang::ASTContext &Ctx, const std::vector<ThreadEntry> &Entries,
                              llvm::SmallPtrSet<const clang::FunctionDecl *, 16> &ThreadCode) {
  std::vector<const clang::FunctionDecl *> Work;
  for (const ThreadEntry &E : Entries)
    Work.push_back(E.Function);
  while (!Work.empty()) {
    const clang::FunctionDecl *F = Work.back();
    Work.pop_back();
    if (!ThreadCode.insert(F).second || Ctx.getSourceManager().isInSystemHeader(F->getLocation()))
      continue;
    CalleeCollector C;
    C.TraverseStmt(F->getBody());
    Work.insert(Work.end(), C.Found.begin(), C.Found.end());
  }
}

bool ThreadModel::mayOverlap(unsigned A, unsigned B) const {
  const clang::SourceManager &SM = *Sources;
  const ThreadEntry &EA = Entries[A], &EB = Entries[B];
  if (EA.Windows.size() != EA.SpawnSites.size() || EB.Windows.size() != EB.SpawnSites.size())
    return true; // a start outside any function
  auto Closed = [&](const SpawnWindow &W) {
    return W.End.isValid() && !ThreadCode.count(W.Function);
  };
  for (const SpawnWindow &WA : EA.Windows)
    for (const SpawnWindow &WB : EB.Windows) {
      if (!Closed(WA) || !Closed(WB))
        return true;
      if (WA.Function != WB.Function)
        continue; // each function waits for its threads before it returns
      if (SM.isBeforeInTranslationUnit(SM.getExpansionLoc(WA.Start), SM.getExpansionLoc(WB.End)) &&
          SM.isBeforeInTranslationUnit(SM.getExpansionLoc(WB.Start), SM.getExpansionLoc(WA.End)))
        return true;
    }
  return false;
}
const SpawnWindow *ThreadModel::spawnerWindow(unsigned EntryIndex) const {
  for (const SpawnWindow &W : Entries[EntryIndex].Windows)
    for (const SpawnWindow *S : spawningFunctions())
      if (S->Function == W.Function)
        return &W;
  return nullptr;
}

std::vector<const SpawnWindow *> ThreadModel::spawningFunctions() const {
  std::vector<const SpawnWindow *> Result;
  for (const ThreadEntry &E : Entries)
    for (const SpawnWindow &W : E.Windows) {
      // Code that is itself a thread is walked as that thread.
      bool IsThread = llvm::any_of(Entries, [&](const ThreadEntry &T) {
        return T.Function == W.Function || T.Function == W.Function->getDefinition();
      });
      bool Seen = llvm::any_of(Result, [&](const SpawnWindow *R) { return R->Function == W.Function; });
      if (!IsThread && !Seen && W.Function->hasBody())
        Result.push_back(&W);
    }
  return Result;
}

llvm::SmallVector<unsigned, 2> ThreadModel::runningAt(const clang::FunctionDecl *F,
                                                      clang::SourceLocation Loc,
                                                      const clang::SourceManager &SM) const {
  llvm::SmallVector<unsigned, 2> Result;
  Loc = SM.getExpansionLoc(Loc);
  for (unsigned I = 0; I < Entries.size(); ++I)
    for (const SpawnWindow &W : Entries[I].Windows) {
      if (W.Function != F || SM.isBeforeInTranslationUnit(Loc, SM.getExpansionLoc(W.Start)))
        continue;
      if (W.End.isValid() && !SM.isBeforeInTranslationUnit(Loc, SM.getExpansionLoc(W.End)))
        continue;
      Result.push_back(I);
      break;
    }
  return Result;
}

} // namespace racelab
