//===- AttributeCheck.cpp - racelab-policy-attribute ----------------------===//
#include "policy/AttributeCheck.h"

#include "policy/StudentCode.h"

#include "llvm/Config/llvm-config.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Stmt.h"

#include <optional>

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-attribute";

/// Attributes that only describe the code (for the compiler's warnings, the
/// optimiser, the layout, Clang's thread-safety analysis): graded code may
/// write them.
bool harmless(clang::attr::Kind K) {
  switch (K) {
  case clang::attr::Override:
  case clang::attr::Final:
  case clang::attr::CXX11NoReturn:
  case clang::attr::C11NoReturn:
  case clang::attr::NoReturn:
  case clang::attr::WarnUnusedResult:
  case clang::attr::WarnUnused:
  case clang::attr::Unused:
  case clang::attr::Deprecated:
  case clang::attr::Aligned:
  case clang::attr::AlignValue:
  case clang::attr::AssumeAligned:
  case clang::attr::Packed:
  case clang::attr::Likely:
  case clang::attr::Unlikely:
  case clang::attr::FallThrough:
  case clang::attr::NoUniqueAddress:
  case clang::attr::CarriesDependency:
  case clang::attr::ConstInit:
  case clang::attr::Pure:
  case clang::attr::Const:
  case clang::attr::NoInline:
  case clang::attr::AlwaysInline:
  case clang::attr::Flatten:
  case clang::attr::Cold:
  case clang::attr::Hot:
  case clang::attr::Format:
  case clang::attr::FormatArg:
  case clang::attr::NonNull:
  case clang::attr::ReturnsNonNull:
  case clang::attr::LifetimeBound:
  case clang::attr::Reinitializes:
  case clang::attr::Annotate:
  // Clang's thread-safety analysis: annotations about locks.
  case clang::attr::Capability:
  case clang::attr::ScopedLockable:
  case clang::attr::GuardedBy:
  case clang::attr::PtGuardedBy:
  case clang::attr::GuardedVar:
  case clang::attr::PtGuardedVar:
  case clang::attr::AcquireCapability:
  case clang::attr::ReleaseCapability:
  case clang::attr::TryAcquireCapability:
  case clang::attr::RequiresCapability:
  case clang::attr::LocksExcluded:
  case clang::attr::AcquiredBefore:
  case clang::attr::AcquiredAfter:
  case clang::attr::AssertCapability:
#if LLVM_VERSION_MAJOR < 22 // folded into AssertCapability and TryAcquireCapability in LLVM 22
  case clang::attr::AssertExclusiveLock:
  case clang::attr::AssertSharedLock:
  case clang::attr::ExclusiveTrylockFunction:
  case clang::attr::SharedTrylockFunction:
#endif
  case clang::attr::LockReturned:
  case clang::attr::NoThreadSafetyAnalysis:
    return true;
  default:
    return false;
  }
}

/// Why an attribute is dangerous, for the ones a trick would use.
std::optional<std::string> danger(clang::attr::Kind K) {
  switch (K) {
  case clang::attr::Constructor:
    return "it makes the function run before main() starts, outside the tests";
  case clang::attr::Destructor:
    return "it makes the function run after the tests have finished, where it could rewrite "
           "their results";
  case clang::attr::NoSanitize:
  case clang::attr::DisableSanitizerInstrumentation:
    return "it turns ThreadSanitizer (or another sanitizer) off for this code, so a race in it "
           "goes unreported";
  case clang::attr::Section:
  case clang::attr::Used:
  case clang::attr::Retain:
    return "it places code or data where the loader runs or keeps it (such as .init_array), "
           "outside the tests";
  case clang::attr::Weak:
  case clang::attr::WeakRef:
  case clang::attr::WeakImport:
  case clang::attr::Alias:
  case clang::attr::IFunc:
    return "it binds the declaration to another symbol, which can replace a function of the "
           "library or of the grader";
  case clang::attr::InitPriority:
    return "it changes when a global object is built, before main() starts";
  case clang::attr::Naked:
    return "a naked function is written in assembly, out of the checker's sight";
  default:
    return std::nullopt;
  }
}

class AttributeVisitor : public StudentCodeVisitor<AttributeVisitor> {
public:
  explicit AttributeVisitor(PolicyTU &TU) : StudentCodeVisitor(TU.Origins), TU(TU) {}

  bool shouldVisitImplicitCode() const { return true; }

  bool VisitDecl(clang::Decl *D) {
    for (const clang::Attr *A : D->attrs())
      check(A);
    return true;
  }

  bool VisitAttributedStmt(clang::AttributedStmt *S) {
    for (const clang::Attr *A : S->getAttrs())
      check(A);
    return true;
  }

private:
  void check(const clang::Attr *A) {
    // Attributes the compiler adds itself, or copies from a library's
    // declaration onto the student's redeclaration, are not the student's.
    // An asm label is racelab-policy-asm's.
    if (A->isImplicit() || A->isInherited() || harmless(A->getKind()) ||
        A->getKind() == clang::attr::AsmLabel || !Origins.inStudentFile(A->getLocation()))
      return;
    std::string Spelling = A->getSpelling();
    std::optional<std::string> Why = danger(A->getKind());
    TU.report(Name, A->getLocation(),
              "the attribute '" + Spelling + "' is not allowed in graded code" +
                  (Why ? ": " + *Why : std::string()),
              "to fix: remove it; graded code may use [[nodiscard]], [[maybe_unused]], [[noreturn]], "
              "[[likely]], alignas and the like, and Clang's thread-safety annotations");
  }

  PolicyTU &TU;
};

} // namespace

AttributeCheck::AttributeCheck()
    : PolicyCheck(Name, "attributes other than the harmless ones (constructor, destructor, "
                        "no_sanitize, section, weak, alias…)") {}

void AttributeCheck::checkAST(clang::ASTContext &Ctx, PolicyTU &TU) {
  AttributeVisitor(TU).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace racelab::policy
