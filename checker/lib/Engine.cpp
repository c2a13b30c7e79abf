//===- Engine.cpp - roots, contexts, the fixpoint, edges ------------------===//
#include "lib/Engine.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

#include <set>

namespace racelab {

namespace {

/// How often one block may be revisited before its facts are taken as they
/// are (a safety net; real code settles in a few rounds).
constexpr unsigned MaxVisits = 24;

bool isLoop(const clang::Stmt *S) {
  return llvm::isa_and_nonnull<clang::ForStmt, clang::WhileStmt, clang::DoStmt,
                               clang::CXXForRangeStmt>(S);
}

/// Fills a FunctionInfo's statement indexes from the function's body.
class BodyIndexer : public clang::RecursiveASTVisitor<BodyIndexer> {
public:
  explicit BodyIndexer(FunctionInfo &Info) : Info(Info) {}

  bool TraverseLambdaExpr(clang::LambdaExpr *L) {
    // The lambda's body is a function of its own; its captures are here.
    for (clang::Expr *Init : L->capture_inits())
      TraverseStmt(Init);
    return true;
  }

  bool VisitCompoundStmt(clang::CompoundStmt *C) {
    unsigned I = 0;
    for (clang::Stmt *Child : C->body())
      position(Child, C, I++);
    return true;
  }
  bool VisitIfStmt(clang::IfStmt *S) {
    single(S->getThen(), S);
    single(S->getElse(), S);
    return true;
  }
  bool VisitForStmt(clang::ForStmt *S) {
    single(S->getBody(), S);
    loopBody(S, S->getBody());
    return true;
  }
  bool VisitWhileStmt(clang::WhileStmt *S) {
    single(S->getBody(), S);
    loopBody(S, S->getBody());
    return true;
  }
  bool VisitDoStmt(clang::DoStmt *S) {
    single(S->getBody(), S);
    loopBody(S, S->getBody());
    return true;
  }
  bool VisitCXXForRangeStmt(clang::CXXForRangeStmt *S) {
    single(S->getBody(), S);
    loopBody(S, S->getBody());
    return true;
  }
  bool VisitSwitchCase(clang::SwitchCase *S) {
    single(S->getSubStmt(), S);
    return true;
  }
  bool VisitLabelStmt(clang::LabelStmt *S) {
    single(S->getSubStmt(), S);
    return true;
  }
  bool VisitCoroutineSuspendExpr(clang::CoroutineSuspendExpr *S) {
    if (const clang::Expr *Operand = S->getOperand()) {
      Info.Awaited.insert(Operand);
      Info.Awaited.insert(stripTemporaries(Operand));
    }
    return true;
  }
  bool VisitBinaryOperator(clang::BinaryOperator *B) {
    if (B->isAssignmentOp())
      modified(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(clang::UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      modified(U->getSubExpr());
    return true;
  }
  /// p published: a.store(p), a = p, a.exchange(p), a.compare_exchange_*(e, p).
  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr *M) {
    const clang::CXXMethodDecl *MD = M->getMethodDecl();
    const clang::Expr *Obj = M->getImplicitObjectArgument();
    if (!MD || !MD->getIdentifier() || !Obj || !isAtomicType(Obj->getType()))
      return true;
    llvm::StringRef Name = MD->getName();
    unsigned Value = Name.starts_with("compare_exchange") ? 1 : 0;
    if ((Name == "store" || Name == "exchange" || Value == 1) && M->getNumArgs() > Value) {
      unsigned OrderArg = Value == 1 ? 2 : 1;
      published(M->getArg(Value), Obj,
                M->getNumArgs() > OrderArg ? memoryOrderOf(M->getArg(OrderArg)) : MemoryOrder::SeqCst);
    }
    return true;
  }
  bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == clang::OO_Equal && Op->getNumArgs() == 2 &&
        isAtomicType(Op->getArg(0)->getType()))
      published(Op->getArg(1), Op->getArg(0), MemoryOrder::SeqCst);
    return true;
  }

private:
  void published(const clang::Expr *Value, const clang::Expr *Atomic, MemoryOrder Order) {
    const clang::Expr *E = Value->IgnoreParenImpCasts();
    // a.store(p.get()) of a smart pointer p: p's object is published.
    if (const auto *Get = llvm::dyn_cast<clang::CXXMemberCallExpr>(E);
        Get && Get->getMethodDecl() && Get->getMethodDecl()->getIdentifier() &&
        Get->getMethodDecl()->getName() == "get")
      E = Get->getImplicitObjectArgument()->IgnoreParenImpCasts();
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E))
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl());
          V && V->isLocalVarDecl() && (V->getType()->isPointerType() || isPointerLikeClass(V->getType())))
        Info.Published[V] = {Atomic, Order};
  }

  void modified(const clang::Expr *E) {
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
        Info.Modified.insert(V);
  }

  void position(const clang::Stmt *S, const clang::Stmt *Block, unsigned I) {
    if (!S)
      return;
    Info.Positions[S] = {Block, I};
    // The CFG holds the expression inside its cleanups and a cast to void.
    const clang::Stmt *Inner = S;
    for (int Guard = 0; Guard < 4; ++Guard) {
      if (const auto *C = llvm::dyn_cast<clang::ExprWithCleanups>(Inner))
        Inner = C->getSubExpr();
      else if (const auto *Cast = llvm::dyn_cast<clang::CStyleCastExpr>(Inner);
               Cast && Cast->getType()->isVoidType())
        Inner = Cast->getSubExpr();
      else if (const auto *P = llvm::dyn_cast<clang::ParenExpr>(Inner))
        Inner = P->getSubExpr();
      else
        break;
      Info.Positions[Inner] = {Block, I};
    }
  }
  void single(const clang::Stmt *Body, const clang::Stmt *Parent) {
    if (Body && !llvm::isa<clang::CompoundStmt>(Body))
      position(Body, Parent, 0);
  }

  /// A loop that joins an element of a container of threads (or futures).
  void loopBody(const clang::Stmt *Loop, const clang::Stmt *Body) {
    llvm::SmallVector<const clang::Stmt *, 16> Work{Body};
    while (!Work.empty()) {
      const clang::Stmt *S = Work.pop_back_val();
      if (!S || llvm::isa<clang::LambdaExpr>(S))
        continue;
      if (const auto *M = llvm::dyn_cast<clang::CXXMemberCallExpr>(S)) {
        const clang::CXXMethodDecl *MD = M->getMethodDecl();
        const clang::Expr *Obj = M->getImplicitObjectArgument();
        if (MD && MD->getIdentifier() && Obj &&
            ((MD->getName() == "join" && isThreadType(Obj->getType())) ||
             ((MD->getName() == "get" || MD->getName() == "wait") && isFutureType(Obj->getType()))))
          Info.JoinLoops[Loop].push_back(Obj);
      } else if (const auto *C = llvm::dyn_cast<clang::CallExpr>(S)) {
        if (const clang::FunctionDecl *F = C->getDirectCallee();
            F && F->getIdentifier() && F->getName() == "pthread_join" && C->getNumArgs() == 2)
          Info.JoinLoops[Loop].push_back(C->getArg(0));
      }
      for (const clang::Stmt *Child : S->children())
        Work.push_back(Child);
    }
  }

  FunctionInfo &Info;
};

/// The functions of the file (not of system headers) that call one of
/// \p Callees: a function that calls a starter goes on running while the
/// threads the starter left running run (a class whose start() starts a
/// thread and whose stop() joins it, both called from main).
class CallerFinder : public clang::RecursiveASTVisitor<CallerFinder> {
public:
  CallerFinder(const clang::SourceManager &SM,
               const llvm::SmallPtrSetImpl<const clang::FunctionDecl *> &Callees)
      : SM(SM), Callees(Callees) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(clang::Decl *D) {
    if (D && !llvm::isa<clang::TranslationUnitDecl>(D) && SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; } // a function of its own
  bool VisitFunctionDecl(clang::FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody() && !F->isDependentContext() && callsOne(F->getBody()))
      Found.push_back(F);
    return true;
  }
  std::vector<const clang::FunctionDecl *> Found;

private:
  bool callsOne(const clang::Stmt *S) const {
    if (!S || llvm::isa<clang::LambdaExpr>(S))
      return false;
    if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
      if (const clang::FunctionDecl *F = Call->getDirectCallee(); F && Callees.count(F->getCanonicalDecl()))
        return true;
    return llvm::any_of(S->children(), [&](const clang::Stmt *C) { return callsOne(C); });
  }
  const clang::SourceManager &SM;
  const llvm::SmallPtrSetImpl<const clang::FunctionDecl *> &Callees;
};

} // namespace

Engine::Engine(clang::ASTContext &Ctx, const ThreadModel &Model, const CoroutineModel &Coroutines,
               Analysis &Out)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Model(Model), Coroutines(Coroutines), Out(Out) {}

void Engine::run() {
  llvm::SmallPtrSet<const clang::FunctionDecl *, 16> Done;
  for (const clang::FunctionDecl *F : Model.starters())
    if (F->hasBody() && Done.insert(F).second)
      runRoot(F, isCoroutine(F));
  for (const clang::FunctionDecl *F : Coroutines.Coroutines)
    if (Done.insert(F).second)
      runRoot(F, true);
  // The callers of starters, and their callers (a few levels): they follow
  // the starter with their own code after it.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 16> Callees;
  for (const clang::FunctionDecl *F : Model.starters())
    Callees.insert(F->getCanonicalDecl());
  for (unsigned Level = 0; Level < 3 && !Callees.empty(); ++Level) {
    CallerFinder Finder(SM, Callees);
    Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
    Callees.clear();
    for (const clang::FunctionDecl *F : Finder.Found)
      if (Done.insert(F).second) {
        runRoot(F, isCoroutine(F));
        Callees.insert(F->getCanonicalDecl());
      }
  }
}

void Engine::runRoot(const clang::FunctionDecl *F, bool Coroutine) {
  auto C = std::make_unique<Context>();
  C->Id = Out.Contexts.size();
  C->RecordOwned = true;
  C->Coroutine = Coroutine;
  ContextInfo Info;
  Info.K = ContextInfo::Root;
  Info.RootId = C->Id;
  Info.Function = F;
  Info.Name = displayName(Ctx, F);
  Info.Coroutine = Coroutine;
  Info.Offloaded = Coroutines.Offloaded.count(F) != 0;
  Out.Contexts.push_back(Info);

  Frame &Entry = C->Entry;
  Entry.Function = F;
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F)) {
    if (M->getParent()->isLambda())
      Entry.Lambda = Model.lambdaOf(M->getParent());
    if (M->isInstance() && !M->getParent()->isLambda()) {
      // The object a starter runs on is what the threads it starts with
      // `this` share with it.
      Entry.This.Kind = AccessPath::Root::This;
      Entry.This.Decl = M->getParent();
    }
  }
  C->Initial.Live = true;
  CurrentRoot = C->Id;
  ThreadOf.clear();
  Pending.clear();
  ByHandle.clear();
  Contexts.push_back(std::move(C));
  runContext(*Contexts.back());
  while (!Pending.empty()) {
    unsigned Next = Pending.front();
    Pending.erase(Pending.begin());
    runContext(*Contexts[Next]);
  }
  for (unsigned I = CurrentRoot; I < Out.Contexts.size(); ++I) {
    ContextInfo &T = Out.Contexts[I];
    if (T.K == ContextInfo::Thread && T.Parent >= 0)
      T.Escapes = Contexts[T.Parent]->Exit.runs(I) || Out.Contexts[T.Parent].Escapes;
  }
}

void Engine::runContext(Context &C) {
  CurrentContext = C.Id;
  Frame Fr = C.Entry;
  Fr.Id = NextFrameId++;
  Stack.assign(1, &Fr);
  Chain.clear();
  C.Exit = follow(Fr, C.Initial, /*Emit=*/true);
  Stack.clear();
}

FunctionInfo *Engine::infoFor(const clang::FunctionDecl *F) {
  auto [It, Inserted] = Infos.try_emplace(F);
  if (!Inserted)
    return It->second.get();
  auto Info = std::make_unique<FunctionInfo>();
  clang::Stmt *Body = F->getBody();
  if (Body) {
    clang::CFG::BuildOptions Options;
    Options.AddImplicitDtors = true;
    Options.AddInitializers = true;
    Options.AddCXXDefaultInitExprInCtors = true;
    Options.setAllAlwaysAdd();
    Info->Cfg = clang::CFG::buildCFG(F, Body, &Ctx, Options);
  }
  if (Info->Cfg) {
    // Reverse post-order from the entry.
    const clang::CFG &G = *Info->Cfg;
    std::vector<const clang::CFGBlock *> Post;
    llvm::DenseSet<unsigned> Seen;
    std::vector<std::pair<const clang::CFGBlock *, unsigned>> Work{{&G.getEntry(), 0}};
    Seen.insert(G.getEntry().getBlockID());
    while (!Work.empty()) {
      auto &[B, Next] = Work.back();
      if (Next < B->succ_size()) {
        const clang::CFGBlock *S = *(B->succ_begin() + Next++);
        if (S && Seen.insert(S->getBlockID()).second)
          Work.push_back({S, 0});
        continue;
      }
      Post.push_back(B);
      Work.pop_back();
    }
    // Catch handlers: reached only through the try's dispatch block.
    for (const clang::CFGBlock *B : G)
      if (B && !Seen.count(B->getBlockID()) &&
          llvm::isa_and_nonnull<clang::CXXTryStmt>(B->getTerminatorStmt())) {
        std::vector<std::pair<const clang::CFGBlock *, unsigned>> More{{B, 0}};
        Seen.insert(B->getBlockID());
        std::vector<const clang::CFGBlock *> Extra;
        while (!More.empty()) {
          auto &[X, Next] = More.back();
          if (Next < X->succ_size()) {
            const clang::CFGBlock *S = *(X->succ_begin() + Next++);
            if (S && Seen.insert(S->getBlockID()).second)
              More.push_back({S, 0});
            continue;
          }
          Extra.push_back(X);
          More.pop_back();
        }
        Post.insert(Post.begin(), Extra.begin(), Extra.end());
      }
    Info->Order.assign(Post.rbegin(), Post.rend());
    for (unsigned I = 0; I < Info->Order.size(); ++I)
      Info->Rank[Info->Order[I]->getBlockID()] = I;
    // Try blocks: their dispatch block (and so the handlers) gets what holds
    // anywhere inside the try block, where an exception may leave it.
    for (const clang::CFGBlock *B : Info->Order)
      if (const auto *Try = llvm::dyn_cast_or_null<clang::CXXTryStmt>(B->getTerminatorStmt())) {
        clang::SourceRange R = Try->getTryBlock()->getSourceRange();
        for (const clang::CFGBlock *X : Info->Order)
          for (const clang::CFGElement &E : *X)
            if (auto S = E.getAs<clang::CFGStmt>()) {
              clang::SourceLocation L = SM.getExpansionLoc(S->getStmt()->getBeginLoc());
              if (L.isValid() && !SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) &&
                  !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L))
                Info->Dispatch[X->getBlockID()] = B; // the innermost try comes last
              break;
            }
      }
    BodyIndexer Indexer(*Info);
    Indexer.TraverseStmt(Body);
    if (const auto *Ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(F))
      for (const clang::CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit())
          Indexer.TraverseStmt(Init->getInit());
    for (const SpawnSite &S : Model.sites())
      if (S.Starter == F && S.Loop && !llvm::is_contained(Info->SpawnLoops, S.Loop))
        Info->SpawnLoops.push_back(S.Loop);
  }
  It->second = std::move(Info);
  return It->second.get();
}

FlowState Engine::follow(Frame &Fr, const FlowState &Entry, bool EmitMode) {
  FunctionInfo *I = infoFor(Fr.Function);
  if (!I || !I->Cfg)
    return Entry;
  auto Key = std::make_pair(Fr.Function, Fr.Chain);
  if (!EmitMode)
    for (const auto &[In, Exit] : Summaries[Key])
      if (In == Entry)
        return Exit;

  const clang::CFG &G = *I->Cfg;
  std::vector<FlowState> In(G.getNumBlockIDs());
  In[G.getEntry().getBlockID()] = Entry;
  In[G.getEntry().getBlockID()].Live = true;
  bool SavedEmit = Emit;
  Emit = false;
  std::set<unsigned> Work{I->Rank[G.getEntry().getBlockID()]};
  std::vector<unsigned> Visits(G.getNumBlockIDs(), 0);
  auto Push = [&](const clang::CFGBlock *To, const FlowState &S) {
    FlowState &T = In[To->getBlockID()];
    FlowState Old = T;
    T.join(S);
    auto R = I->Rank.find(To->getBlockID());
    if (T != Old && R != I->Rank.end())
      Work.insert(R->second);
  };
  while (!Work.empty()) {
    const clang::CFGBlock *B = I->Order[*Work.begin()];
    Work.erase(Work.begin());
    if (++Visits[B->getBlockID()] > MaxVisits)
      continue;
    FlowState S = In[B->getBlockID()];
    transferBlock(*B, S, false);
    // An exception anywhere in a try block leaves to its handlers.
    if (auto D = I->Dispatch.find(B->getBlockID()); D != I->Dispatch.end()) {
      Push(D->second, In[B->getBlockID()]);
      Push(D->second, S);
    }
    unsigned Index = 0;
    for (const clang::CFGBlock::AdjacentBlock &Succ : B->succs()) {
      if (const clang::CFGBlock *To = Succ.getReachableBlock()) {
        FlowState E = S;
        applyEdge(*B, Index, E);
        Push(To, E);
      }
      ++Index;
    }
  }
  FlowState Exit = In[G.getExit().getBlockID()];
  if (EmitMode) {
    Emit = true;
    for (const clang::CFGBlock *B : I->Order)
      if (In[B->getBlockID()].Live) {
        FlowState S = In[B->getBlockID()];
        transferBlock(*B, S, true);
        // Contexts may be added meanwhile: look this one up afresh.
        llvm::SmallVector<SyncKey, 4> &Signals = Out.Contexts[CurrentContext].SignalsAny;
        for (SyncKey K : S.Signalled)
          if (!llvm::is_contained(Signals, K))
            Signals.push_back(K);
      }
  }
  Emit = SavedEmit;
  if (!Exit.Live)
    Exit = Entry; // never returns normally (a server loop, a throw): nothing to carry on
  Summaries[Key].push_back({Entry, Exit});
  return Exit;
}

void Engine::transferBlock(const clang::CFGBlock &B, FlowState &S, bool EmitMode) {
  bool SavedEmit = Emit;
  Emit = EmitMode;
  for (const clang::CFGElement &E : B) {
    ++Budget;
    if (auto St = E.getAs<clang::CFGStmt>()) {
      CurrentElement = St->getStmt();
      transferStmt(St->getStmt(), S);
    } else if (auto D = E.getAs<clang::CFGAutomaticObjDtor>()) {
      // Where the destructor runs: the end of the block, or the return.
      const clang::Stmt *Trigger = D->getTriggerStmt();
      clang::SourceLocation At = D->getVarDecl()->getEndLoc();
      if (const auto *Block = llvm::dyn_cast_or_null<clang::CompoundStmt>(Trigger))
        At = Block->getRBracLoc();
      else if (Trigger)
        At = Trigger->getBeginLoc();
      transferDtor(D->getVarDecl(), D->getVarDecl()->getType(), At, S);
    }
  }
  if (Emit && isLoop(B.getTerminatorStmt()))
    onLoop(B.getTerminatorStmt(), S);
  Emit = SavedEmit;
}

void Engine::applyEdge(const clang::CFGBlock &B, unsigned Succ, FlowState &S) {
  const clang::Stmt *T = B.getTerminatorStmt();
  if (!T)
    return;
  if (isLoop(T) && Succ == 1) {
    // Leaving a loop that joined every element of a container of threads.
    FunctionInfo *I = infoFor(frame().Function);
    if (auto It = I->JoinLoops.find(T); It != I->JoinLoops.end())
      for (const clang::Expr *Handle : It->second)
        joinHandle(handleOf(Handle), Handle->getExprLoc(), S);
  }
  if (B.succ_size() != 2)
    return;
  const auto *Cond = llvm::dyn_cast_or_null<clang::Expr>(B.getTerminatorCondition());
  if (!Cond)
    return;
  // A branch this thread never takes, given what it was started with.
  if (std::optional<bool> Known = knownCondition(Cond); Known && *Known != (Succ == 0)) {
    S.Live = false;
    return;
  }
  applyCondition(Cond, Succ == 0, /*WaitsOnly=*/false, S, 0);
}

std::optional<bool> Engine::knownCondition(const clang::Expr *C) {
  C = C->IgnoreParenImpCasts();
  const auto *B = llvm::dyn_cast<clang::BinaryOperator>(C);
  if (!B || !B->isComparisonOp())
    return std::nullopt;
  IndexInfo L = indexInfo(B->getLHS()), R = indexInfo(B->getRHS());
  if (L.K != IndexInfo::Constant || R.K != IndexInfo::Constant)
    return std::nullopt;
  // Only when a value the thread was started with is involved (not any
  // constant argument: a recursive call is followed once, with the first).
  bool Given = false;
  for (const clang::Expr *Side : {B->getLHS(), B->getRHS()})
    if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(Side->IgnoreParenImpCasts()))
      if (const auto *V = llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()))
        if (auto It = frame().Values.find(V); It != frame().Values.end())
          Given |= It->second.Arg != 0;
  if (!Given)
    return std::nullopt;
  switch (B->getOpcode()) {
  case clang::BO_EQ:
    return L.Value == R.Value;
  case clang::BO_NE:
    return L.Value != R.Value;
  case clang::BO_LT:
    return L.Value < R.Value;
  case clang::BO_GT:
    return L.Value > R.Value;
  case clang::BO_LE:
    return L.Value <= R.Value;
  case clang::BO_GE:
    return L.Value >= R.Value;
  default:
    return std::nullopt;
  }
}

void Engine::transferDtor(const clang::VarDecl *V, clang::QualType T, clang::SourceLocation At,
                          FlowState &S) {
  T = T.getNonReferenceType();
  if (isScopedLockType(T)) {
    S.releaseScope(V);
    if (auto It = frame().UserLocks.find(V); It != frame().UserLocks.end() && V->getInit()) {
      auto [Unlock, Object] = It->second;
      inlineCall(V->getInit(), Unlock, nullptr, {}, Object, S);
    }
    return;
  }
  clang::QualType Element = T;
  if (const auto *Spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl());
      Spec && isStdClass(T, {"vector", "list", "deque", "array", "optional", "unique_ptr"}) &&
      Spec->getTemplateArgs().size() > 0 &&
      Spec->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type)
    Element = Spec->getTemplateArgs()[0].getAsType();
  if (isStdClass(Element, {"jthread"})) {
    S.signal(V); // a jthread asks its thread to stop, then joins it
    joinHandle(V, At, S);
  } else if (isFutureType(Element) || plainClassName(Element) == "boost::asio::thread_pool") {
    joinHandle(V, At, S);
  }
}

void Engine::joinHandle(const clang::ValueDecl *Handle, clang::SourceLocation Loc, FlowState &S) {
  if (!Handle)
    return;
  auto It = ByHandle.find(Handle);
  if (It == ByHandle.end())
    return;
  for (unsigned T : It->second) {
    if (!S.runs(T))
      continue;
    S.stop(T);
    S.wait(joinKey(T));
    ContextInfo &Info = Out.Contexts[T];
    if (Emit && (Info.JoinLoc.isInvalid() || SM.isBeforeInTranslationUnit(Loc, Info.JoinLoc)))
      Info.JoinLoc = Loc;
  }
}

unsigned Engine::snapshot(const FlowState &S) {
  if (!Out.States.empty() && Out.States.back() == S)
    return Out.States.size() - 1;
  Out.States.push_back(S);
  return Out.States.size() - 1;
}

} // namespace racelab
