//===- Analysis.cpp - the engine's entry point ----------------------------===//
#include "lib/Analysis.h"
#include "lib/Coroutines.h"
#include "lib/Engine.h"
#include "lib/Findings.h"
#include "lib/ThreadModel.h"

namespace racelab {

llvm::SmallVector<LockFact, 2> Analysis::sharedLocks(unsigned State) const {
  llvm::SmallVector<LockFact, 2> Out;
  for (const LockFact &L : States[State].Locks)
    if (L.Must && !L.Mutex.Owned)
      Out.push_back(L);
  return Out;
}

llvm::SmallVector<LockFact, 2> Analysis::ownLocks(unsigned State) const {
  llvm::SmallVector<LockFact, 2> Out;
  for (const LockFact &L : States[State].Locks)
    if (L.Must && L.Mutex.Owned)
      Out.push_back(L);
  return Out;
}

std::unique_ptr<Analysis> analyseTranslationUnit(clang::ASTContext &Ctx) {
  auto A = std::make_unique<Analysis>();
  ThreadModel Model = ThreadModel::build(Ctx);
  CoroutineModel Coroutines = CoroutineModel::build(Ctx);
  Engine(Ctx, Model, Coroutines, *A).run();
  const clang::SourceManager &SM = Ctx.getSourceManager();
  findRaces(*A, SM);
  findTornRecords(*A, SM);
  findCoroutineFindings(*A, SM);
  return A;
}

} // namespace racelab
