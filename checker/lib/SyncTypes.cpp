//===- SyncTypes.cpp ------------------------------------------------------===//
#include "lib/SyncTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace racelab {

namespace {

const clang::CXXRecordDecl *recordOf(clang::QualType T) {
  T = T.getNonReferenceType();
  while (const clang::ArrayType *A = T->getAsArrayTypeUnsafe())
    T = A->getElementType();
  return T->getAsCXXRecordDecl();
}

} // namespace

bool isSystemDecl(const clang::ASTContext &Ctx, const clang::Decl *D) {
  return !llvm::isa<clang::TranslationUnitDecl>(D) &&
         Ctx.getSourceManager().isInSystemHeader(D->getLocation());
}

bool isInStd(const clang::Decl *D) {
  return D->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace();
}

bool isStdClass(clang::QualType T, llvm::ArrayRef<llvm::StringRef> Names) {
  const clang::CXXRecordDecl *R = recordOf(T);
  if (!R || !R->getIdentifier() || !isInStd(R))
    return false;
  return Names.empty() || llvm::is_contained(Names, R->getName());
}

llvm::StringRef typedefName(clang::QualType T) {
  T = T.getNonReferenceType();
  while (const clang::ArrayType *A = T->getAsArrayTypeUnsafe())
    T = A->getElementType();
  if (const auto *Typedef = T->getAs<clang::TypedefType>())
    return Typedef->getDecl()->getName();
  return "";
}

bool isMutexType(clang::QualType T) {
  llvm::StringRef Typedef = typedefName(T);
  if (Typedef == "pthread_mutex_t" || Typedef == "pthread_rwlock_t" ||
      Typedef == "pthread_spinlock_t")
    return true;
  return isStdClass(T, {"mutex", "recursive_mutex", "timed_mutex", "recursive_timed_mutex",
                        "shared_mutex", "shared_timed_mutex"});
}

bool isSharedMutexType(clang::QualType T) {
  return typedefName(T) == "pthread_rwlock_t" ||
         isStdClass(T, {"shared_mutex", "shared_timed_mutex"});
}

bool isScopedLockType(clang::QualType T) {
  return isStdClass(T, {"lock_guard", "unique_lock", "scoped_lock", "shared_lock"});
}

bool isSemaphoreType(clang::QualType T) { return isStdClass(T, {"counting_semaphore"}); }

bool isAtomicType(clang::QualType T) {
  clang::QualType N = T.getNonReferenceType();
  return N->isAtomicType() || isStdClass(N, {"atomic", "atomic_ref", "atomic_flag", "__atomic_base",
                                               "__atomic_float", "__atomic_ref"});
}

bool isAtomicFlagType(clang::QualType T) { return isStdClass(T, {"atomic_flag"}); }

bool isThreadType(clang::QualType T) { return isStdClass(T, {"thread", "jthread"}); }

bool isFutureType(clang::QualType T) {
  // wait(), wait_for() and wait_until() are members of libstdc++'s common base.
  return isStdClass(T, {"future", "shared_future", "__basic_future"});
}

bool isSyncType(clang::QualType T) {
  llvm::StringRef Typedef = typedefName(T);
  if (Typedef == "pthread_cond_t" || Typedef == "pthread_t" || Typedef == "pthread_barrier_t" ||
      Typedef == "sem_t" || Typedef == "pthread_once_t")
    return true;
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
                        "stop_token", "stop_callback", "promise", "future", "shared_future",
                        "packaged_task"});
}

bool isPointerLikeClass(clang::QualType T) {
  return isStdClass(T, {"shared_ptr", "unique_ptr", "weak_ptr", "reference_wrapper", "span",
                        "basic_string_view"});
}

bool isIteratorType(clang::QualType T) {
  const clang::CXXRecordDecl *R = recordOf(T);
  return R && R->getIdentifier() && R->getName().contains("iterator");
}

clang::QualType pointeeType(clang::QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType();
  if (const auto *Spec = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl());
      Spec && Spec->getTemplateArgs().size() > 0 &&
      Spec->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type)
    return Spec->getTemplateArgs()[0].getAsType();
  return T;
}

bool isOutputStreamType(clang::QualType T) {
  return isStdClass(T, {"basic_ostream", "basic_ostringstream", "basic_ofstream",
                        "basic_osyncstream", "basic_iostream", "basic_stringstream",
                        "basic_fstream"});
}

MemoryOrder memoryOrderOf(const clang::Expr *E) {
  if (!E)
    return MemoryOrder::SeqCst;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
    llvm::StringRef Name = Ref->getDecl()->getName();
    Name.consume_front("memory_order_");
    Name.consume_front("__memory_order_");
    return llvm::StringSwitch<MemoryOrder>(Name)
        .Case("relaxed", MemoryOrder::Relaxed)
        .Case("acquire", MemoryOrder::Acquire)
        .Case("consume", MemoryOrder::Acquire)
        .Case("release", MemoryOrder::Release)
        .Case("acq_rel", MemoryOrder::AcqRel)
        .Default(MemoryOrder::SeqCst);
  }
  return MemoryOrder::SeqCst;
}

std::string plainQualifiedName(const clang::NamedDecl *D) {
  std::string Name;
  if (const auto *Ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(D))
    Name = Ctor->getParent()->getName().str();
  else if (D->getIdentifier())
    Name = D->getName().str();
  else
    Name = D->getNameAsString();
  for (const clang::DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(C)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name = NS->getName().str() + "::" + Name;
    } else if (const auto *R = llvm::dyn_cast<clang::RecordDecl>(C)) {
      if (!R->getIdentifier())
        continue;
      Name = R->getName().str() + "::" + Name;
    }
  }
  return Name;
}

std::string plainClassName(clang::QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const clang::CXXRecordDecl *R = T->getAsCXXRecordDecl();
  return R && R->getIdentifier() ? plainQualifiedName(R) : std::string();
}

const clang::Expr *stripTemporaries(const clang::Expr *E) {
  while (E) {
    const clang::Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *C = llvm::dyn_cast<clang::ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    else if (const auto *M = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *F = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (const auto *K = llvm::dyn_cast<clang::CXXConstructExpr>(Next);
             K && K->getNumArgs() == 1 && K->getConstructor()->isCopyOrMoveConstructor())
      Next = K->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool isThreadPoolType(clang::QualType T) {
  std::string Spelling = T.getCanonicalType().getAsString();
  return Spelling.find("thread_pool") != std::string::npos;
}

bool isAsioStrandType(clang::QualType T) { return plainClassName(T) == "boost::asio::strand"; }

} // namespace racelab
