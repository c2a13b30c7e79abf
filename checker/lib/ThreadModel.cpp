//===- ThreadModel.cpp ----------------------------------------------------===//
#include "lib/ThreadModel.h"

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

/// Looks through what a callable is wrapped in on its way to a thread:
/// implicit conversions, `&f`, the decay-copy of a closure, std::move,
/// temporaries, a std::function or packaged_task built from it.
const clang::Expr *strip(const clang::Expr *E) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    const clang::Expr *Next = stripTemporaries(E)->IgnoreParens();
    if (const auto *U = llvm::dyn_cast<clang::UnaryOperator>(Next);
        U && U->getOpcode() == clang::UO_AddrOf)
      Next = U->getSubExpr();
    if (const auto *C = llvm::dyn_cast<clang::CXXConstructExpr>(Next);
        C && C->getNumArgs() >= 1 && !llvm::isa<clang::CXXTemporaryObjectExpr>(C) &&
        (C->getNumArgs() == 1 || isStdClass(C->getType(), {"function", "packaged_task"})))
      Next = C->getArg(0);
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(Next); Call && Call->getNumArgs() == 1)
      if (const clang::FunctionDecl *F = Call->getDirectCallee();
          F && F->getIdentifier() && isInStd(F) && (F->getName() == "move" || F->getName() == "forward"))
        Next = Call->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// Range-for loop variables and the container they run over:
/// `for (auto &t : threads)` maps t to threads.
using RangeVarMap = llvm::DenseMap<const clang::VarDecl *, const clang::ValueDecl *>;

/// The variable or member a handle expression names: t, threads[i], &id,
/// ids[i], a range-for variable (its container), futures.back(), *pool.
const clang::ValueDecl *handleDecl(const clang::Expr *E, const RangeVarMap &RangeVars) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
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
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E); Op && Op->getNumArgs() > 0) {
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

bool isCallableType(clang::QualType T) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isMemberFunctionPointerType())
    return true;
  if (isStdClass(T, {"function", "move_only_function", "packaged_task"}))
    return true;
  const clang::CXXRecordDecl *R = T->getAsCXXRecordDecl();
  return R && R->isLambda();
}

} // namespace

const clang::Expr *refArgument(const clang::Expr *E) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(stripTemporaries(E));
  if (!Call || Call->getNumArgs() != 1)
    return nullptr;
  const clang::FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier() || !isInStd(F) || (F->getName() != "ref" && F->getName() != "cref"))
    return nullptr;
  return Call->getArg(0);
}

const clang::FunctionDecl *resolveCallable(const clang::Expr *E, const ThreadModel *Model,
                                           const clang::LambdaExpr **Lambda) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
    if (const clang::Expr *Ref = refArgument(E)) {
      E = Ref;
      continue;
    }
    if (const auto *L = llvm::dyn_cast<clang::LambdaExpr>(E)) {
      if (Lambda)
        *Lambda = L;
      return L->getCallOperator();
    }
    const clang::ValueDecl *D = nullptr;
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
      D = Ref->getDecl();
    else if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(E))
      D = M->getMemberDecl();
    if (const auto *F = llvm::dyn_cast_or_null<clang::FunctionDecl>(D)) {
      const clang::FunctionDecl *Def = F->getDefinition();
      return Def && Def->hasBody() ? Def : nullptr;
    }
    if (D && isCallableType(D->getType())) {
      const auto *V = llvm::dyn_cast<clang::VarDecl>(D);
      if (V && V->getInit() && !llvm::isa<clang::ParmVarDecl>(V)) {
        E = V->getInit();
        continue;
      }
      if (Model && !Model->storedCallables(D).empty()) {
        E = Model->storedCallables(D).front();
        continue;
      }
      if (const clang::CXXRecordDecl *R = recordOf(D->getType()); R && R->isLambda() && Model)
        if (const clang::LambdaExpr *L = Model->lambdaOf(R)) {
          E = L;
          continue;
        }
      return nullptr;
    }
    // A functor: an object whose class has a call operator of the user's.
    if (const clang::CXXRecordDecl *R = recordOf(E->getType());
        R && R->hasDefinition() && !isInStd(R)) {
      if (R->isLambda() && Model)
        if (const clang::LambdaExpr *L = Model->lambdaOf(R)) {
          E = L;
          continue;
        }
      for (const clang::CXXMethodDecl *M : R->methods())
        if (M->getOverloadedOperator() == clang::OO_Call && M->hasBody())
          return M;
    }
    return nullptr;
  }
  return nullptr;
}

std::string displayName(const clang::ASTContext &Ctx, const clang::FunctionDecl *F) {
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F); M && M->getParent()->isLambda()) {
    const clang::SourceManager &SM = Ctx.getSourceManager();
    return "the lambda at line " +
           std::to_string(SM.getPresumedLineNumber(SM.getFileLoc(M->getParent()->getLocation())));
  }
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F);
      M && M->getOverloadedOperator() == clang::OO_Call && M->getParent()->getIdentifier())
    return "'" + M->getParent()->getName().str() + "'";
  std::string Name = F->getNameAsString();
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F); M && M->getParent()->getIdentifier())
    Name = M->getParent()->getName().str() + "::" + Name;
  return "'" + Name + "'";
}

const SpawnSite *ThreadModel::siteOf(const clang::Expr *E) const {
  auto It = SiteIndex.find(E);
  return It == SiteIndex.end() ? nullptr : &Sites[It->second];
}

const clang::LambdaExpr *ThreadModel::lambdaOf(const clang::CXXRecordDecl *Closure) const {
  auto It = Lambdas.find(Closure);
  return It == Lambdas.end() ? nullptr : It->second;
}

llvm::ArrayRef<const clang::Expr *> ThreadModel::storedCallables(const clang::ValueDecl *D) const {
  auto It = Stored.find(D);
  if (It == Stored.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const clang::CXXMethodDecl *>
ThreadModel::overriders(const clang::CXXMethodDecl *M) const {
  auto It = Overriders.find(M->getCanonicalDecl());
  if (It == Overriders.end())
    return {};
  return It->second;
}

/// Walks the user's code once: starts, lambdas, stored callables, overriders.
class ModelBuilder : public clang::RecursiveASTVisitor<ModelBuilder> {
  using Base = clang::RecursiveASTVisitor<ModelBuilder>;

public:
  ModelBuilder(clang::ASTContext &Ctx, ThreadModel &Model) : Ctx(Ctx), Model(Model) {}

  bool TraverseDecl(clang::Decl *D) {
    if (!D || isSystemDecl(Ctx, D))
      return true;
    // Loops of an enclosing function do not repeat the code of a nested one.
    const clang::Stmt *SavedLoop = OutermostLoop;
    const clang::FunctionDecl *SavedFunction = CurrentFunction;
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D)) {
      OutermostLoop = nullptr;
      CurrentFunction = F;
    }
    Ancestors.push_back(clang::DynTypedNode::create(*D));
    bool Result = Base::TraverseDecl(D);
    Ancestors.pop_back();
    OutermostLoop = SavedLoop;
    CurrentFunction = SavedFunction;
    return Result;
  }

  bool TraverseLambdaExpr(clang::LambdaExpr *L) {
    Model.Lambdas[L->getLambdaClass()] = L;
    const clang::Stmt *SavedLoop = OutermostLoop;
    const clang::FunctionDecl *SavedFunction = CurrentFunction;
    OutermostLoop = nullptr;
    CurrentFunction = L->getCallOperator();
    bool Result = Base::TraverseLambdaExpr(L);
    OutermostLoop = SavedLoop;
    CurrentFunction = SavedFunction;
    return Result;
  }

  // The chain of nodes from the translation unit down to the one visited,
  // for declaredBy(). (Ctx.getParents() would build a parent map of the whole
  // TU, system headers included: a third of the parse time of a file that
  // includes Boost.Asio.) The data-recursion hooks keep deep expressions
  // off the call stack.
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
  bool TraverseConstructorInitializer(clang::CXXCtorInitializer *Init) {
    if (!Init)
      return true;
    if (const clang::FieldDecl *F = Init->getMember(); F && isCallableType(F->getType()))
      Model.Stored[F].push_back(Init->getInit());
    Ancestors.push_back(clang::DynTypedNode::create(*Init));
    bool Result = Base::TraverseConstructorInitializer(Init);
    Ancestors.pop_back();
    return Result;
  }

#define RACELAB_LOOP(Kind)                                                                 \
  bool Traverse##Kind(clang::Kind *S) {                                                    \
    noteLoop(S);                                                                           \
    const clang::Stmt *SavedLoop = OutermostLoop;                                          \
    if (!OutermostLoop)                                                                    \
      OutermostLoop = S;                                                                   \
    bool Result = Base::Traverse##Kind(S);                                                 \
    OutermostLoop = SavedLoop;                                                             \
    return Result;                                                                         \
  }
  RACELAB_LOOP(ForStmt)
  RACELAB_LOOP(WhileStmt)
  RACELAB_LOOP(DoStmt)
  RACELAB_LOOP(CXXForRangeStmt)
#undef RACELAB_LOOP

  bool VisitCXXMethodDecl(clang::CXXMethodDecl *M) {
    if (!M->isVirtual() || !M->doesThisDeclarationHaveABody())
      return true;
    Model.Overriders[M->getCanonicalDecl()].push_back(M);
    llvm::SmallVector<const clang::CXXMethodDecl *, 4> Work(M->overridden_methods().begin(),
                                                             M->overridden_methods().end());
    while (!Work.empty()) {
      const clang::CXXMethodDecl *Base = Work.pop_back_val();
      Model.Overriders[Base->getCanonicalDecl()].push_back(M);
      Work.append(Base->overridden_methods().begin(), Base->overridden_methods().end());
    }
    return true;
  }

  bool VisitVarDecl(clang::VarDecl *V) {
    if (V->getInit() && isCallableType(V->getType()) && !llvm::isa<clang::ParmVarDecl>(V))
      Model.Stored[V].push_back(V->getInit());
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator *B) {
    if (B->getOpcode() == clang::BO_Assign)
      noteStore(B->getLHS(), B->getRHS());
    return true;
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr *E) {
    if (E->getNumArgs() == 0 || !isThreadType(E->getType()))
      return true;
    if (isThreadType(E->getArg(0)->getType()))
      return true; // a move, not a start
    addSpawn(E, E->getArg(0), llvm::ArrayRef(E->getArgs() + 1, E->getNumArgs() - 1),
             declaredBy(E), nullptr, isStdClass(E->getType(), {"jthread"}));
    return true;
  }

  bool VisitCallExpr(clang::CallExpr *E) {
    if (const auto *Op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2)
        noteStore(Op->getArg(0), Op->getArg(1));
      return true;
    }
    if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
      visitEmplace(M);
      return true;
    }
    const clang::FunctionDecl *F = E->getDirectCallee();
    if (!F || !F->getIdentifier())
      return true;
    llvm::StringRef Name = F->getName();
    if (Name == "async" && isInStd(F) && E->getNumArgs() > 0) {
      unsigned First = 0;
      if (E->getArg(0)->getType()->isEnumeralType() || isStdClass(E->getArg(0)->getType(), {})) {
        First = 1; // std::async(policy, f, args…)
        if (isDeferredOnly(E->getArg(0)))
          return true; // runs in the thread that calls get(): not a thread
      }
      if (E->getNumArgs() > First &&
          addSpawn(E, E->getArg(First),
                   llvm::ArrayRef(E->getArgs() + First + 1, E->getNumArgs() - First - 1),
                   declaredBy(E), nullptr, false))
        Model.Sites.back().Async = true;
      return true;
    }
    if (Name == "pthread_create" && E->getNumArgs() == 4) {
      addSpawn(E, E->getArg(2), llvm::ArrayRef(E->getArgs() + 3, 1),
               handleDecl(E->getArg(0), RangeVars), nullptr, false);
      return true;
    }
    if (isPoolHandoff(E, F))
      addPoolSpawn(E, Name == "co_spawn");
    return true;
  }

private:
  static bool isDeferredOnly(const clang::Expr *Policy) {
    const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Policy->IgnoreParenImpCasts());
    return Ref && Ref->getDecl()->getName() == "deferred";
  }

  void noteStore(const clang::Expr *LHS, const clang::Expr *RHS) {
    if (!isCallableType(LHS->getType()))
      return;
    const clang::Expr *L = LHS->IgnoreParenImpCasts();
    const clang::ValueDecl *D = nullptr;
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(L))
      D = Ref->getDecl();
    else if (const auto *M = llvm::dyn_cast<clang::MemberExpr>(L))
      D = M->getMemberDecl();
    if (D)
      Model.Stored[D].push_back(RHS);
  }

  /// threads.emplace_back(f, args…), threads.emplace(pos, f, args…).
  void visitEmplace(const clang::CXXMemberCallExpr *M) {
    const clang::CXXMethodDecl *Method = M->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return;
    llvm::StringRef Name = Method->getName();
    if (Name != "emplace_back" && Name != "emplace_front" && Name != "emplace")
      return;
    const auto *Spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
        recordOf(M->getImplicitObjectArgument()->getType()));
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
      return;
    clang::QualType Element = Spec->getTemplateArgs()[0].getAsType();
    if (!isThreadType(Element))
      return;
    unsigned First = Name == "emplace" ? 1 : 0; // emplace(position, f, args…)
    if (M->getNumArgs() <= First || isThreadType(M->getArg(First)->getType()))
      return;
    addSpawn(M, M->getArg(First),
             llvm::ArrayRef(M->getArgs() + First + 1, M->getNumArgs() - First - 1),
             handleDecl(M->getImplicitObjectArgument(), RangeVars), nullptr,
             isStdClass(Element, {"jthread"}));
  }

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

  /// The thread_pool variable a strand variable was made over.
  static const clang::ValueDecl *poolOf(const clang::Stmt *S) {
    if (!S || llvm::isa<clang::LambdaExpr>(S))
      return nullptr;
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(S))
      if (plainClassName(Ref->getType()) == "boost::asio::thread_pool")
        return Ref->getDecl();
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
        CoSpawn && Call && Call->getDirectCallee() && !llvm::isa<clang::CXXMemberCallExpr>(Call) &&
        Call->getDirectCallee()->getDefinition() &&
        llvm::isa_and_nonnull<clang::CoroutineBodyStmt>(Call->getDirectCallee()->getDefinition()->getBody())) {
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
    addSpawn(E, Work, Args, Handle, Strand, false);
  }

  /// Records a start; false if what it runs has no body here.
  bool addSpawn(const clang::Expr *Spawn, const clang::Expr *Callable,
                llvm::ArrayRef<const clang::Expr *> Args, const clang::ValueDecl *Handle,
                const clang::ValueDecl *Strand, bool JThread) {
    SpawnSite S;
    S.Spawn = Spawn;
    S.Handle = Handle;
    S.Strand = Strand;
    S.Starter = CurrentFunction;
    S.Loop = OutermostLoop;
    const clang::LambdaExpr *Lambda = nullptr;
    const clang::FunctionDecl *F = resolveCallable(Callable, &Model, &Lambda);
    // std::thread(&Class::method, object, args…): the first argument is the object.
    const auto *Method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(F);
    bool MemberPointer = Method && Method->isInstance() && !Lambda &&
                         Method->getOverloadedOperator() != clang::OO_Call;
    if (!F || !F->hasBody() || (MemberPointer && Args.empty()))
      return false;
    if (Method && Method->getOverloadedOperator() == clang::OO_Call && !Lambda)
      S.Object = Callable; // a functor
    if (MemberPointer) {
      S.Object = Args.front();
      Args = Args.drop_front();
    }
    S.Function = F;
    S.Lambda = Lambda;
    S.Callable = Callable;
    S.TakesStopToken = JThread && F->getNumParams() > 0 &&
                       isStdClass(F->getParamDecl(0)->getType(), {"stop_token"});
    S.Args.append(Args.begin(), Args.end());
    S.Name = displayName(Ctx, F);
    Model.SiteIndex[Spawn] = Model.Sites.size();
    Model.Sites.push_back(std::move(S));
    if (CurrentFunction && !llvm::is_contained(Model.Starters, CurrentFunction))
      Model.Starters.push_back(CurrentFunction);
    return true;
  }

  void noteLoop(const clang::Stmt *) {}
  void noteLoop(const clang::CXXForRangeStmt *S) {
    if (const clang::VarDecl *V = S->getLoopVariable())
      if (const clang::ValueDecl *Range = handleDecl(S->getRangeInit(), RangeVars))
        RangeVars[V] = Range;
  }

  /// The variable a thread (or future) is stored in: `std::thread t(…)`,
  /// `t = std::thread(…)`, `futures.push_back(std::async(…))`.
  const clang::ValueDecl *declaredBy(const clang::Expr *E) {
    // Called while E is visited: E is the innermost ancestor.
    size_t Index = Ancestors.size();
    if (Index == 0 || Ancestors.back().get<clang::Expr>() != E)
      return nullptr;
    --Index;
    for (int Depth = 0; Depth < 8 && Index > 0; ++Depth) {
      const clang::DynTypedNode &Node = Ancestors[--Index];
      if (const auto *V = Node.get<clang::VarDecl>())
        return V;
      if (const auto *Init = Node.get<clang::CXXCtorInitializer>())
        return Init->getMember();
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

  clang::ASTContext &Ctx;
  ThreadModel &Model;
  llvm::SmallVector<clang::DynTypedNode, 64> Ancestors;
  RangeVarMap RangeVars;
  const clang::FunctionDecl *CurrentFunction = nullptr;
  const clang::Stmt *OutermostLoop = nullptr;
};

ThreadModel ThreadModel::build(clang::ASTContext &Ctx) {
  ThreadModel Model;
  ModelBuilder Builder(Ctx, Model);
  Builder.TraverseDecl(Ctx.getTranslationUnitDecl());
  const clang::SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Model.Starters, [&](const clang::FunctionDecl *A, const clang::FunctionDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  return Model;
}

} // namespace racelab
