//===- SyncTypes.h - what the library types of concurrency are -----------===//
//
// Recognises the types the analysis treats specially: mutexes and lock
// objects, atomics, condition variables, semaphores, latches, futures,
// threads, output streams. Only types declared by the standard library, the C
// library or Boost count: a user's class named `mutex` is data.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_SYNCTYPES_H
#define RACELAB_CHECKER_LIB_SYNCTYPES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace racelab {

/// Is \p D declared in a system header (the standard library, Boost…)? The
/// analysis skips those declarations: students' code is what is analysed,
/// and skipping keeps the analysis small next to the parse.
bool isSystemDecl(const clang::ASTContext &Ctx, const clang::Decl *D);

/// Is \p D declared directly in namespace std (or an inline namespace of it)?
bool isInStd(const clang::Decl *D);

/// Is \p T (or the element type of an array of it, through references) a
/// class from namespace std whose name is in \p Names? An empty list accepts
/// any class of std.
bool isStdClass(clang::QualType T, llvm::ArrayRef<llvm::StringRef> Names);

/// The name of the typedef \p T is spelled with (pthread_mutex_t, FILE…), or "".
llvm::StringRef typedefName(clang::QualType T);

/// std::mutex and friends, pthread_mutex_t, pthread_rwlock_t,
/// pthread_spinlock_t: objects you lock.
bool isMutexType(clang::QualType T);
/// Mutexes that can be held in shared (reader) mode.
bool isSharedMutexType(clang::QualType T);
/// std::lock_guard, std::unique_lock, std::scoped_lock, std::shared_lock.
bool isScopedLockType(clang::QualType T);
/// std::counting_semaphore / std::binary_semaphore.
bool isSemaphoreType(clang::QualType T);
/// std::atomic<T>, std::atomic_ref<T>, std::atomic_flag, C11 _Atomic.
bool isAtomicType(clang::QualType T);
/// std::atomic_flag.
bool isAtomicFlagType(clang::QualType T);
/// std::thread, std::jthread.
bool isThreadType(clang::QualType T);
/// std::future, std::shared_future.
bool isFutureType(clang::QualType T);
/// Synchronisation objects that are not data: mutexes, lock objects,
/// condition variables, threads, latches, futures, stop tokens, Asio pools
/// and strands… (never reported as shared data).
bool isSyncType(clang::QualType T);
/// A smart pointer (unique_ptr, shared_ptr, weak_ptr) or std::reference_wrapper:
/// copying it copies a way to reach the same object.
bool isPointerLikeClass(clang::QualType T);
/// An iterator class (of the standard library or not): dereferencing it
/// reaches an element of what it was taken from.
bool isIteratorType(clang::QualType T);
/// What a pointer, a smart pointer or an iterator of type \p T points to.
clang::QualType pointeeType(clang::QualType T);
/// An output stream class of std (ostream, ofstream, ostringstream, osyncstream…).
bool isOutputStreamType(clang::QualType T);

/// The memory order an atomic operation is given, as far as ordering goes.
enum class MemoryOrder { Relaxed, Acquire, Release, AcqRel, SeqCst };

/// The std::memory_order argument \p E names (seq_cst when absent or unknown).
MemoryOrder memoryOrderOf(const clang::Expr *E);
/// Does \p O order later reads after the write it observes?
inline bool acquires(MemoryOrder O) {
  return O == MemoryOrder::Acquire || O == MemoryOrder::AcqRel || O == MemoryOrder::SeqCst;
}
/// Does \p O publish earlier writes?
inline bool releases(MemoryOrder O) {
  return O == MemoryOrder::Release || O == MemoryOrder::AcqRel || O == MemoryOrder::SeqCst;
}

/// The plain qualified name of a function: enclosing namespaces and classes,
/// without template arguments and without inline namespaces.
std::string plainQualifiedName(const clang::NamedDecl *D);

/// The plain qualified name of the class \p T is (through references,
/// pointers and typedefs), or "".
std::string plainClassName(clang::QualType T);

/// Strips implicit casts, parentheses, temporaries, cleanups and copies.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// Is \p T a boost::asio::thread_pool, its executor, or a strand (or other
/// executor adapter) over one?
bool isThreadPoolType(clang::QualType T);

/// Is \p T a boost::asio::strand<…> (through references)?
bool isAsioStrandType(clang::QualType T);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_SYNCTYPES_H
