//===- SourceOrigins.h - whose code is this? ------------------------------===//
//
// Every file the compiler reads for a graded translation unit is one of:
//
//   Student  its real path is inside the student's folder (any name, any
//            extension, any subfolder): checked as graded code;
//   Kit      an allowed kit header (the exercise's contract, its kit headers),
//            or a file such a header includes that is not the student's;
//   System   its real path is inside one of the compiler's system include
//            folders (the C and C++ libraries, Boost, clang's own headers);
//   Builtin  the compiler's predefines and command-line macros;
//   Outside  anything else: a file the policy does not allow.
//
// Real paths decide, never what the source says about itself: a line marker
// or `#pragma clang system_header` in a student file does not make it a
// system header, and `..` or a symbolic link is followed to where it leads.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_SOURCEORIGINS_H
#define RACELAB_CHECKER_POLICY_SOURCEORIGINS_H

#include "policy/Policy.h"

#include "llvm/Config/llvm-config.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace clang {
class HeaderSearch;
}

namespace racelab::policy {

enum class Origin { Student, Kit, System, Builtin, Outside };

/// One folder the compiler searches for headers.
struct SearchFolder {
  std::string RealPath;
  bool System = false;
};

/// The real path of \p Path ("" if it does not exist).
std::string realPathOf(llvm::StringRef Path);

/// Is \p Path (a real path) \p Folder itself or inside it?
bool isInside(llvm::StringRef Path, llvm::StringRef Folder);

class SourceOrigins {
public:
  /// \p StudentFolder: the real path of the student's folder.
  SourceOrigins(const clang::SourceManager &SM, const clang::HeaderSearch &HS,
                std::string StudentFolder, const Policy &P);

  const std::string &studentFolder() const { return StudentFolder; }
  const std::vector<SearchFolder> &searchFolders() const { return Folders; }
  /// The real paths of the kit's copies of the allowed kit headers.
  const std::vector<std::string> &kitHeaderPaths() const { return KitPaths; }

  Origin ofFile(clang::FileID FID);
  Origin ofFileEntry(const clang::FileEntry *FE);

  /// Where the text of the token at \p Loc was written: the file its spelling
  /// is in, following macro arguments; a token made by `##` or `#` counts as
  /// written where the macro was used (a name pasted together in the
  /// student's code is the student's, whichever macro pasted it).
  Origin writtenIn(clang::SourceLocation Loc);
  bool writtenByStudent(clang::SourceLocation Loc) { return writtenIn(Loc) == Origin::Student; }

  /// Where the code at \p Loc ends up: the file of its outermost expansion.
  Origin expandedIn(clang::SourceLocation Loc);
  bool inStudentFile(clang::SourceLocation Loc) { return expandedIn(Loc) == Origin::Student; }

  /// A file included by a kit file is the kit's unless it is the student's
  /// or the system's (called for every #include, before it is entered).
  void noteInclusion(clang::FileID Includer, const clang::FileEntry *Included);

  /// The real path of the file \p FE.
  std::string realPath(const clang::FileEntry *FE);

  /// Is the file of \p Loc a contract header: the kit's copy, or the
  /// student's copy (a file of their folder with the contract's name)?
  bool inContract(clang::SourceLocation Loc);

  /// \p Path relative to the student's folder when inside it, else as is.
  std::string shown(llvm::StringRef Path) const;

private:
  Origin classify(const clang::FileEntry *FE);

  const clang::SourceManager &SM;
  std::string StudentFolder;
  std::vector<SearchFolder> Folders;
  std::vector<std::string> KitPaths;
  std::vector<std::string> ContractNames;
  llvm::DenseMap<const clang::FileEntry *, Origin> ByEntry;
  llvm::DenseMap<const clang::FileEntry *, std::string> RealPaths;
};

/// Keeps SourceOrigins up to date with the includes; must run before the
/// checks' own callbacks (add it to the preprocessor after them: the last
/// callbacks added run first).
class OriginTracker : public clang::PPCallbacks {
public:
  OriginTracker(const clang::SourceManager &SM, SourceOrigins &Origins) : SM(SM), Origins(Origins) {}
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &, llvm::StringRef, bool,
                          clang::CharSourceRange, clang::OptionalFileEntryRef File, llvm::StringRef,
                          llvm::StringRef, const clang::Module *,
#if LLVM_VERSION_MAJOR >= 18
                          bool, // the module was imported (LLVM 18 added it)
#endif
                          clang::SrcMgr::CharacteristicKind) override;

private:
  const clang::SourceManager &SM;
  SourceOrigins &Origins;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_SOURCEORIGINS_H
