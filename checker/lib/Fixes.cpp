//===- Fixes.cpp ----------------------------------------------------------===//
#include "lib/Fixes.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/YAMLTraits.h"

namespace racelab {

namespace {

clang::tooling::DiagnosticMessage message(const Location &Where, llvm::StringRef Text) {
  clang::tooling::DiagnosticMessage M(Text);
  M.FilePath = Where.File;
  M.FileOffset = Where.Offset;
  return M;
}

} // namespace

void writeFixes(llvm::raw_ostream &OS, llvm::ArrayRef<Diagnostic> Diags, llvm::StringRef MainSourceFile,
                llvm::StringRef BuildDirectory) {
  clang::tooling::TranslationUnitDiagnostics TU;
  TU.MainSourceFile = MainSourceFile.str();
  for (const Diagnostic &D : Diags) {
    if (D.Fixes.empty())
      continue;
    clang::tooling::DiagnosticMessage Message = message(D.Where, D.Message);
    for (const clang::tooling::Replacement &R : D.Fixes)
      // A fix's replacements never overlap (one per finding today): a
      // conflicting one would be a bug, and is left out.
      if (llvm::Error E = Message.Fix[R.getFilePath()].add(R))
        llvm::consumeError(std::move(E));
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const Note &N : D.Notes)
      Notes.push_back(message(N.Where.valid() ? N.Where : D.Where, N.Message));
    TU.Diagnostics.emplace_back(D.Check, Message, Notes,
                                isError(D) ? clang::tooling::Diagnostic::Error
                                           : clang::tooling::Diagnostic::Warning,
                                BuildDirectory);
  }
  llvm::yaml::Output YAML(OS);
  YAML << TU;
}

bool exportFixes(llvm::StringRef Path, llvm::ArrayRef<Diagnostic> Diags, llvm::StringRef MainSourceFile,
                 std::string &Error) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC) {
    Error = EC.message();
    return false;
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  writeFixes(OS, Diags, MainSourceFile, Cwd);
  OS.close();
  if (OS.has_error()) {
    Error = OS.error().message();
    OS.clear_error();
    return false;
  }
  return true;
}

} // namespace racelab
