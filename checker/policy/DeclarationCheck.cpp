//===- DeclarationCheck.cpp - racelab-policy-declaration ------------------===//
#include "policy/DeclarationCheck.h"

#include "policy/StudentCode.h"

#include "lib/Coroutines.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-declaration";

/// A name the C and C++ standards keep for the implementation: `__x`, `_X`.
/// The compiler, the C library and the sanitizers name their hooks so.
bool reserved(llvm::StringRef N) {
  return N.starts_with("__") || (N.size() > 1 && N[0] == '_' && N[1] >= 'A' && N[1] <= 'Z');
}

/// The global variables of the C library: a global of the same name in the
/// student's code is the same (unmangled) symbol.
bool cLibraryVariable(llvm::StringRef N) {
  static const char *const Names[] = {"stdin",    "stdout",   "stderr", "errno",  "optarg",
                                      "optind",   "opterr",   "optopt", "timezone", "daylight",
                                      "tzname",   "signgam",  "h_errno"};
  return llvm::is_contained(Names, N) || knownDanger(N).has_value();
}

/// The namespace \p D is declared in (plain qualified name), "" for the
/// global namespace.
std::string enclosingNamespace(const clang::Decl *D) {
  const clang::DeclContext *C = D->getDeclContext()->getEnclosingNamespaceContext();
  while (C && llvm::isa<clang::NamespaceDecl>(C) &&
         (llvm::cast<clang::NamespaceDecl>(C)->isInline() ||
          llvm::cast<clang::NamespaceDecl>(C)->isAnonymousNamespace()))
    C = C->getParent();
  if (const auto *NS = llvm::dyn_cast_or_null<clang::NamespaceDecl>(C))
    return plainQualifiedName(NS);
  return "";
}

class DeclarationVisitor : public StudentCodeVisitor<DeclarationVisitor> {
public:
  explicit DeclarationVisitor(PolicyTU &TU) : StudentCodeVisitor(TU.Origins), TU(TU) {}

  bool VisitNamespaceDecl(clang::NamespaceDecl *NS) {
    if (Origins.inStudentFile(NS->getLocation()) && NS->getIdentifier() && reserved(NS->getName()))
      TU.report(Name, NS->getLocation(),
                "the namespace '" + NS->getName().str() +
                    "' has a reserved name, the kind the compiler, the C library and the sanitizers "
                    "use for their own code",
                "to fix: give your namespace an ordinary name");
    return true;
  }

  bool VisitFunctionDecl(clang::FunctionDecl *F) {
    if (!Origins.inStudentFile(F->getLocation()) || F->isImplicit())
      return true;
    if (declaredBy(F, Origin::System))
      return F->doesThisDeclarationHaveABody() ? definesLibraryName(F) : true;
    if (declaredBy(F, Origin::Kit))
      return true; // the contract's functions, which the student defines
    if (F->isReplaceableGlobalAllocationFunction())
      return report(F, "replaces the program's global operator " +
                           std::string(F->getOverloadedOperator() == clang::OO_New ||
                                               F->getOverloadedOperator() == clang::OO_Array_New
                                           ? "new"
                                           : "delete") +
                           ", which the grader's code uses too",
                    "to fix: remove it; allocate with new and std::make_unique as usual");
    if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(F)) {
      if (M->isOutOfLine() && Origins.expandedIn(M->getParent()->getLocation()) != Origin::Student)
        return report(F, "defines a member of '" + plainQualifiedName(M->getParent()) +
                             "', a class of the library or of the grader",
                      "to fix: write a class or function of your own");
      return true;
    }
    return checkNamespaceScope(F);
  }

  bool VisitVarDecl(clang::VarDecl *V) {
    if (!Origins.inStudentFile(V->getLocation()) || !V->getDeclContext()->isFileContext() ||
        V->isStaticLocal() || declaredBy(V, Origin::Kit))
      return true;
    if (declaredBy(V, Origin::System))
      return V->isThisDeclarationADefinition() ? definesLibraryName(V) : true;
    if (enclosingNamespace(V).empty() && V->isExternallyVisible() && !V->isExternC() &&
        cLibraryVariable(V->getName()))
      return report(V, "is a global variable with the name of one of the C library's: the "
                       "two are the same symbol",
                    "to fix: rename it, or put it in your own namespace");
    return checkNamespaceScope(V);
  }

private:
  /// Does a file of \p O declare \p D too? (The student may repeat a
  /// library's declaration, `int puts(const char*);`, but not define it.)
  bool declaredBy(const clang::Decl *D, Origin O) {
    return llvm::any_of(D->redecls(), [&](const clang::Decl *R) {
      return R != D && Origins.expandedIn(R->getLocation()) == O;
    });
  }

  bool definesLibraryName(const clang::NamedDecl *D) {
    return report(D, "is declared by the library, and this definition replaces the library's "
                     "own in the whole program, the grader's code included",
                  "to fix: give your function or variable a name of its own");
  }

  template <typename FunctionOrVar> bool checkNamespaceScope(const FunctionOrVar *D) {
    if (D->isExternC())
      return report(D, "is declared with C linkage (extern \"C\"): under its plain name it can "
                       "replace or reach a function of the C library, the sanitizer or the grader",
                    "to fix: remove extern \"C\" (pthread_create takes an ordinary function)");
    std::string NS = enclosingNamespace(D);
    llvm::StringRef Top = llvm::StringRef(NS).split("::").first;
    if (Top == "std" || Top == "boost" || Top == "__gnu_cxx" || TU.Rules.inKitNamespace(NS))
      return report(D, "is declared in namespace '" + NS + "', which belongs to " +
                           (TU.Rules.inKitNamespace(NS) ? "the grader" : "the library"),
                    "to fix: declare your own code in your own namespace (or racelab's)");
    if (D->getIdentifier() && reserved(D->getName()) && D->isExternallyVisible())
      return report(D, "has a reserved name, the kind the compiler, the C library and the "
                       "sanitizers use for their own hooks",
                    "to fix: give it an ordinary name, or make it static");
    return true;
  }

  bool report(const clang::NamedDecl *D, const std::string &What, std::string Fix) {
    TU.report(Name, D->getLocation(), "'" + D->getNameAsString() + "' " + What, std::move(Fix));
    return true;
  }

  PolicyTU &TU;
};

} // namespace

DeclarationCheck::DeclarationCheck()
    : PolicyCheck(Name, "declarations that can replace or reach the library's or the grader's code "
                        "(extern \"C\", reserved names, std/boost/kit namespaces, operator new)") {}

void DeclarationCheck::checkAST(clang::ASTContext &Ctx, PolicyTU &TU) {
  DeclarationVisitor(TU).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace racelab::policy
