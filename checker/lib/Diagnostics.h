//===- Diagnostics.h - findings, NOLINT, dedup, clang-style output -------===//
//
// Checks report through a DiagnosticSink; the sink resolves locations while the
// SourceManager is alive, drops findings silenced by NOLINT comments, and
// prints everything at the end, deduplicated and sorted by location, so output
// is stable whatever order the translation units and checks ran in.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_DIAGNOSTICS_H
#define RACELAB_CHECKER_LIB_DIAGNOSTICS_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace clang {
class NamedDecl;
}

namespace racelab {

/// A resolved source position, independent of any SourceManager.
struct Location {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;  ///< bytes from the start of the file (for exported fixes)
  std::string LineText; ///< The source line, for the snippet and caret.

  bool valid() const { return Line != 0; }
};

/// A `note:` attached to a finding: the other access, the thread, the fix.
struct Note {
  Location Where;
  std::string Message;
  bool ShowSource = true; ///< Print the source line and a caret under it.
};

/// A note at \p Loc, resolved now (the SourceManager is gone when it prints).
Note noteAt(const clang::SourceManager &SM, clang::SourceLocation Loc, std::string Message,
            bool ShowSource = true);

/// A declaration's name in quotes, as every message shows it: 'counter'.
std::string quoted(const clang::NamedDecl *D);

/// A function that starts threads, as a note names it: its name in quotes, or
/// "the code that starts it" for a lambda or an unnamed function.
std::string quotedStarter(const clang::NamedDecl *F);

/// One finding of one check.
struct Diagnostic {
  std::string Check; ///< e.g. "racelab-missing-lock"
  Location Where;
  std::string Message;
  std::vector<Note> Notes;
  bool AsError = false; ///< --warnings-as-errors (or WarningsAsErrors) names its check
  /// A fix a tool may apply as it is (--export-fixes): only where it is safe.
  std::vector<clang::tooling::Replacement> Fixes;
};

/// Is \p D reported as an error (a policy finding, or a warning made one)?
bool isError(const Diagnostic &D);

/// Collects findings; prints them sorted and deduplicated.
class DiagnosticSink {
public:
  /// Resolves \p Loc (macro locations go to where the macro is used).
  static Location resolve(const clang::SourceManager &SM, clang::SourceLocation Loc);

  /// Is a finding of \p Check at \p Loc silenced by `// NOLINT` on its line or
  /// `// NOLINTNEXTLINE` on the line before (optionally naming the check)?
  static bool isSuppressed(const clang::SourceManager &SM, clang::SourceLocation Loc,
                           llvm::StringRef Check);

  /// Records \p D unless its location is suppressed by a NOLINT comment (a
  /// policy finding never is).
  void report(const clang::SourceManager &SM, clang::SourceLocation Loc, Diagnostic D);

  /// Records \p D as it is, its location already resolved.
  void add(Diagnostic D) { Diags.push_back(std::move(D)); }

  /// Whether NOLINT comments silence findings (not when grading).
  void honourNolint(bool Honour) { HonourNolint = Honour; }

  /// Sorts by location and drops exact repeats (the same file analysed under
  /// several compile commands, a header seen from several files).
  void finish();

  const std::vector<Diagnostic> &diagnostics() const { return Diags; }

  /// Of the findings from the \p From-th on, keeps those \p Keep accepts (it
  /// may change them); returns how many it dropped.
  size_t keepFrom(size_t From, llvm::function_ref<bool(Diagnostic &)> Keep);

  /// Prints like clang: `file:line:col: warning: message [check]`, the source
  /// line and a caret, then the notes. Colours only if \p Colors.
  void print(llvm::raw_ostream &OS, bool Colors) const;

  /// Prints a JSON array of findings (machine-readable).
  void printJSON(llvm::raw_ostream &OS) const;

private:
  std::vector<Diagnostic> Diags;
  bool HonourNolint = true;
};

/// Is \p Check one of the grading policy's checks (`racelab-policy-…`)? Their
/// findings are errors of kind "policy"; the others' are warnings of kind
/// "concurrency".
bool isPolicyCheck(llvm::StringRef Check);

/// A NOLINT marker in a source text, as Clang's lexer sees the text.
struct NolintMarker {
  unsigned Line = 0;     ///< 1-based
  unsigned Column = 0;   ///< 1-based
  std::string Kind;      ///< NOLINT, NOLINTNEXTLINE, NOLINTBEGIN or NOLINTEND
  bool HasList = false;  ///< followed by `(…)`
  std::string List;      ///< the text between the parentheses
  bool InComment = true; ///< false: inside a string, a name, anywhere but a comment
};

/// Every NOLINT marker in \p Text (a whole C++ source file): only those in
/// comments silence a finding.
std::vector<NolintMarker> findNolintMarkers(llvm::StringRef Text);

/// Does a comment-style NOLINT list (e.g. "racelab-*,foo") cover \p Check?
bool nolintListCovers(llvm::StringRef List, llvm::StringRef Check);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_DIAGNOSTICS_H
