//===- Fixes.h - findings with a fix, as clang-tidy's --export-fixes YAML -===//
//
// The file clang-tidy writes with --export-fixes, so that the tools that read
// it (clang-apply-replacements, editors, CI bots) read ours: a
// clang::tooling::TranslationUnitDiagnostics written by LLVM's YAML I/O.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_FIXES_H
#define RACELAB_CHECKER_LIB_FIXES_H

#include "lib/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace racelab {

/// Writes the findings of \p Diags that carry a fix (the others have nothing
/// to apply); \p MainSourceFile names the first file analysed, \p BuildDirectory
/// the folder relative paths are read from.
void writeFixes(llvm::raw_ostream &OS, llvm::ArrayRef<Diagnostic> Diags, llvm::StringRef MainSourceFile,
                llvm::StringRef BuildDirectory);

/// writeFixes into the file \p Path; on failure, false and \p Error says why.
bool exportFixes(llvm::StringRef Path, llvm::ArrayRef<Diagnostic> Diags, llvm::StringRef MainSourceFile,
                 std::string &Error);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_FIXES_H
