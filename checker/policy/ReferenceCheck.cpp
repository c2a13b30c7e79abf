//===- ReferenceCheck.cpp - racelab-policy-reference ----------------------===//
#include "policy/ReferenceCheck.h"

#include "policy/ForkedChild.h"
#include "policy/StudentCode.h"

#include "lib/Coroutines.h"

#include "llvm/Config/llvm-config.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringSet.h"

#include <optional>

namespace racelab::policy {

namespace {
/// A pure virtual function (isPure() was renamed in LLVM 18).
bool isPureVirtual(const clang::FunctionDecl *F) {
#if LLVM_VERSION_MAJOR >= 18
  return F->isPureVirtual();
#else
  return F->isPure();
#endif
}
} // namespace


namespace {

const char Name[] = "racelab-policy-reference";

const char *const NotAllowedC = "it is not among the C and POSIX functions this exercise allows";

std::string usrOf(const clang::Decl *D) {
  llvm::SmallString<128> USR;
  if (clang::index::generateUSRForDecl(D, USR))
    return "";
  return USR.str().str();
}

/// A use of a function or variable the student declares (or the kit declares
/// without a definition in this translation unit): fine if some student file
/// of the run defines it.
struct PendingUse {
  std::string USR;
  Diagnostic Finding;
};

} // namespace

struct ReferenceCheck::State {
  llvm::StringSet<> Defined;       ///< USRs the student's files define, over the whole run
  std::vector<PendingUse> Pending; ///< uses to settle once every file is analysed
};

namespace {

class ReferenceVisitor : public StudentCodeVisitor<ReferenceVisitor> {
public:
  ReferenceVisitor(PolicyTU &TU, clang::ASTContext &Ctx, ReferenceCheck::State &S)
      : StudentCodeVisitor(TU.Origins), TU(TU), Ctx(Ctx), S(S) {}

  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    checkUse(E->getDecl(), E->getLocation(), E);
    return true;
  }
  bool VisitMemberExpr(clang::MemberExpr *E) {
    checkUse(E->getMemberDecl(), E->getMemberLoc(), nullptr);
    return true;
  }
  bool VisitCXXConstructExpr(clang::CXXConstructExpr *E) {
    checkUse(E->getConstructor(), E->getLocation(), nullptr);
    return true;
  }

  // A denied library class named as a type (a member, a parameter), not
  // only constructed.
  bool VisitTypeLoc(clang::TypeLoc TL) {
    if (!llvm::isa<clang::RecordType, clang::TemplateSpecializationType, clang::TypedefType>(TL.getTypePtr()))
      return true;
    const clang::CXXRecordDecl *R = TL.getType()->getAsCXXRecordDecl();
    if (!R || !Origins.writtenByStudent(TL.getBeginLoc()) || origin(R) != Origin::System)
      return true;
    std::string Q = plainQualifiedName(R);
    if (std::optional<std::string> Why = TU.Rules.deniedBecause(Q + "::"))
      TU.report(Name, TL.getBeginLoc(), "the type '" + Q + "' is not allowed in graded code: " + *Why,
                AllowedInstead);
    return true;
  }

  // What the student's files define, for the uses other files declare.
  bool VisitFunctionDecl(clang::FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody() && F->isExternallyVisible() &&
        Origins.inStudentFile(F->getLocation()))
      S.Defined.insert(usrOf(F));
    return true;
  }
  bool VisitVarDecl(clang::VarDecl *V) {
    if (V->isThisDeclarationADefinition() == clang::VarDecl::Definition && V->hasGlobalStorage() &&
        V->isExternallyVisible() && Origins.inStudentFile(V->getLocation()))
      S.Defined.insert(usrOf(V));
    return true;
  }

private:
  /// Whose the declaration is: a member belongs to its class; a name the
  /// library declares anywhere is the library's, however often the student
  /// repeats the declaration.
  Origin origin(const clang::Decl *D) {
    if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(D))
      D = M->getParent();
    else if (const auto *V = llvm::dyn_cast<clang::VarDecl>(D); V && V->isStaticDataMember())
      D = llvm::cast<clang::Decl>(V->getDeclContext());
    bool Student = false, Kit = false;
    for (const clang::Decl *R : D->redecls()) {
      Origin O = Origins.expandedIn(R->getLocation());
      if (O == Origin::System)
        return Origin::System;
      Kit |= O == Origin::Kit;
      Student |= O == Origin::Student;
    }
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D); F && F->getBuiltinID() && F->isImplicit())
      return Origin::Builtin;
    return Kit ? Origin::Kit : Student ? Origin::Student : Origin::Outside;
  }

  void checkUse(const clang::ValueDecl *D, clang::SourceLocation Loc, const clang::DeclRefExpr *Ref) {
    const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D);
    const auto *V = llvm::dyn_cast<clang::VarDecl>(D);
    if ((!F && !V) || (V && (!V->hasGlobalStorage() || V->isStaticLocal())) ||
        !Origins.writtenByStudent(Loc))
      return;
    std::string Q = plainQualifiedName(D);
    switch (origin(D)) {
    case Origin::System:
      return checkLibrary(F, Q, Loc, Ref);
    case Origin::Builtin:
      if (!TU.Rules.allowsFunction(Q))
        reject(Q, Loc, "it is a compiler built-in this exercise does not allow");
      return;
    case Origin::Kit:
      if (std::optional<std::string> Why = TU.Rules.deniedBecause(Q))
        return reject(Q, Loc, *Why);
      [[fallthrough]];
    case Origin::Student:
      return checkDefined(D, F, V, Q, Loc);
    case Origin::Outside:
      return; // its file is reported by racelab-policy-include
    }
  }

  void checkLibrary(const clang::FunctionDecl *F, const std::string &Q, clang::SourceLocation Loc,
                    const clang::DeclRefExpr *Ref) {
    if (std::optional<std::string> Why = TU.Rules.deniedBecause(Q))
      return reject(Q, Loc, *Why);
    // What the compiler writes for a library type (copying a timespec, a
    // pollfd, a pthread_mutex_t) only copies its data; a denied type is
    // reported where it is named.
    if (F && F->isImplicit() && llvm::isa<clang::CXXMethodDecl>(F))
      return;
    llvm::StringRef Top = llvm::StringRef(Q).split("::").first;
    if (llvm::StringRef(Q).contains("::")) {
      if (Top == "std" || Top == "__gnu_cxx" || TU.Rules.inLibrary(Q))
        return;
      return reject(Q, Loc, "it belongs to a library this exercise does not use");
    }
    // The C library and POSIX: an allow-list.
    if (F ? TU.Rules.allowsFunction(Q) : TU.Rules.allowsVariable(Q))
      return;
    if (F && TU.Rules.allowsInChildOnly(Q)) {
      if (Ref && inForkedChild(Ref))
        return;
      return reject(Q, Loc, "only a child process made by fork() may call it (in the parent it "
                            "ends the tests before their report)");
    }
    reject(Q, Loc, knownDanger(Q).value_or(F ? NotAllowedC : "it is not among the C variables this exercise allows"));
  }

  void checkDefined(const clang::ValueDecl *D, const clang::FunctionDecl *F, const clang::VarDecl *V,
                    const std::string &Q, clang::SourceLocation Loc) {
    bool Defined = F ? F->isDefined() || isPureVirtual(F) || F->isDefaulted() || F->isDeleted() ||
                           F->isImplicit() || F->getTemplateInstantiationPattern()
                     : V->hasDefinition() != clang::VarDecl::DeclarationOnly;
    if (Defined || TU.Rules.isProvided(Q) || !D->isExternallyVisible())
      return;
    std::string USR = usrOf(D->getCanonicalDecl());
    if (USR.empty())
      return;
    Diagnostic Finding;
    Finding.Check = Name;
    Finding.Where = DiagnosticSink::resolve(TU.sourceManager(), Loc);
    std::optional<std::string> Danger = knownDanger(D->getName());
    Finding.Message = "'" + Q + "' is declared but none of your files defines it" +
                      (Danger ? ": " + *Danger : std::string(": graded code may use only its own "
                                                             "functions, the exercise's contract "
                                                             "and the libraries the exercise allows"));
    Finding.Notes.push_back(noteAt(TU.sourceManager(), Loc, AllowedInstead, false));
    S.Pending.push_back({USR, std::move(Finding)});
  }

  bool inForkedChild(const clang::DeclRefExpr *Ref) {
    if (!ChildRefs)
      ChildRefs = referencesInForkedChild(Ctx, Origins);
    return ChildRefs->count(Ref);
  }

  void reject(const std::string &Q, clang::SourceLocation Loc, const std::string &Why) {
    TU.report(Name, Loc, "'" + Q + "' is not allowed in graded code: " + Why, AllowedInstead);
  }

  PolicyTU &TU;
  clang::ASTContext &Ctx;
  ReferenceCheck::State &S;
  std::optional<llvm::DenseSet<const clang::Expr *>> ChildRefs;
};

} // namespace

ReferenceCheck::ReferenceCheck()
    : PolicyCheck(Name, "uses of functions and variables the exercise does not allow (C/POSIX outside "
                        "the allow-list, denied std and Asio parts, sanitizer hooks, functions "
                        "defined nowhere)"),
      S(std::make_unique<State>()) {}

ReferenceCheck::~ReferenceCheck() = default;

void ReferenceCheck::checkAST(clang::ASTContext &Ctx, PolicyTU &TU) {
  ReferenceVisitor(TU, Ctx, *S).TraverseDecl(Ctx.getTranslationUnitDecl());
}

void ReferenceCheck::finish(DiagnosticSink &Sink) {
  for (PendingUse &Use : S->Pending)
    if (!S->Defined.count(Use.USR))
      Sink.add(std::move(Use.Finding));
  S->Pending.clear();
}

} // namespace racelab::policy
