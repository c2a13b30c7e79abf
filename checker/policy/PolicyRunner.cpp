//===- PolicyRunner.cpp ---------------------------------------------------===//
#include "policy/PolicyRunner.h"

#include "clang/Basic/Sanitizers.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace racelab::policy {

const char *const AllowedInstead =
    "to fix: graded code may use the C++ standard library, the exercise's contract and what "
    "\"What your code may use\" in the exercise's README lists";

void PolicyTU::report(llvm::StringRef Check, clang::SourceLocation Loc, std::string Message,
                      std::string Fix) const {
  Diagnostic D;
  D.Check = Check.str();
  D.Message = std::move(Message);
  if (!Fix.empty())
    D.Notes.push_back(noteAt(sourceManager(), Loc, std::move(Fix), /*ShowSource=*/false));
  Sink.report(sourceManager(), Loc, std::move(D));
}

std::string describeBuild(const clang::CompilerInstance &CI) {
  std::string Level = "-O" + std::to_string(CI.getCodeGenOpts().OptimizationLevel);
  if (CI.getLangOpts().Sanitize.has(clang::SanitizerKind::Thread))
    return "the build with -fsanitize=thread (" + Level + ")";
  return "the plain build (" + Level + ")";
}

namespace {

/// What one translation unit's checks share; kept alive by the consumer and
/// by the preprocessor's callbacks, whichever goes last.
struct TUState {
  TUState(const Policy &Rules, const PolicyOptions &Options, clang::CompilerInstance &CI,
          std::string StudentFolder, DiagnosticSink &Sink, llvm::StringRef MainFile)
      : Origins(CI.getSourceManager(), CI.getPreprocessor().getHeaderSearchInfo(),
                std::move(StudentFolder), Rules),
        TU{Rules, Options, CI, Origins, Sink, MainFile.str(), describeBuild(CI)} {}
  SourceOrigins Origins;
  PolicyTU TU;
};

/// The origin tracker, which also keeps the translation unit's state alive
/// for the other callbacks.
class KeepAliveTracker : public OriginTracker {
public:
  explicit KeepAliveTracker(std::shared_ptr<TUState> State)
      : OriginTracker(State->TU.sourceManager(), State->Origins), State(std::move(State)) {}

private:
  std::shared_ptr<TUState> State;
};

class PolicyConsumer : public clang::ASTConsumer {
public:
  PolicyConsumer(const std::vector<std::unique_ptr<PolicyCheck>> &Checks, std::shared_ptr<TUState> State)
      : Checks(Checks), State(std::move(State)) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // half an AST: the driver reports the compile error
    for (const auto &C : Checks)
      C->checkAST(Ctx, State->TU);
  }

private:
  const std::vector<std::unique_ptr<PolicyCheck>> &Checks;
  std::shared_ptr<TUState> State;
};

} // namespace

PolicyRunner::PolicyRunner(Policy Rules, PolicyOptions Options, std::string StudentFolder)
    : Rules(std::move(Rules)), Options(std::move(Options)), StudentFolder(std::move(StudentFolder)),
      Checks(createPolicyChecks()) {}

std::string PolicyRunner::studentFolderFor(llvm::StringRef MainFile) const {
  llvm::SmallString<256> Folder(StudentFolder);
  if (Folder.empty()) {
    Folder = MainFile;
    llvm::sys::fs::make_absolute(Folder);
    llvm::sys::path::remove_filename(Folder);
  }
  std::string Real = realPathOf(Folder);
  return Real.empty() ? Folder.str().str() : Real;
}

std::unique_ptr<clang::ASTConsumer> PolicyRunner::beginTranslationUnit(clang::CompilerInstance &CI,
                                                                       llvm::StringRef MainFile,
                                                                       DiagnosticSink &Sink) {
  auto State = std::make_shared<TUState>(Rules, Options, CI, studentFolderFor(MainFile), Sink, MainFile);
  for (const auto &C : Checks)
    C->beginTranslationUnit(State->TU);
  // Added last, so it runs first: the checks' callbacks see every include's
  // origin already settled.
  CI.getPreprocessor().addPPCallbacks(std::make_unique<KeepAliveTracker>(State));
  return std::make_unique<PolicyConsumer>(Checks, State);
}

void PolicyRunner::endFile(DiagnosticSink &Sink) {
  for (const auto &C : Checks)
    C->endFile(Sink);
}

void PolicyRunner::finish(DiagnosticSink &Sink) {
  for (const auto &C : Checks)
    C->finish(Sink);
}

} // namespace racelab::policy
