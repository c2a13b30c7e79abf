//===- IncludeCheck.cpp - racelab-policy-include --------------------------===//
#include "policy/IncludeCheck.h"

#include "policy/HeaderShadowing.h"

#include "llvm/Config/llvm-config.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"

#include <set>
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-include";

/// Why a system header is not for graded code, by the name it is included as
/// (or its real path), if it is not.
std::optional<std::string> deniedHeader(llvm::StringRef IncludeName, llvm::StringRef RealPath,
                                        const Policy &Rules) {
  if (IncludeName.starts_with("boost/test/") || IncludeName == "boost/test.hpp" ||
      RealPath.contains("/boost/test/"))
    return std::string("it is the grader's test framework (Boost.Test), which graded code may not "
                       "use");
  if (IncludeName.starts_with("sanitizer/") || RealPath.contains("/include/sanitizer/"))
    return std::string("it declares the sanitizers' own interface, which can hide a race from "
                       "ThreadSanitizer");
  if (IncludeName.starts_with("valgrind/"))
    return std::string("it declares Valgrind's own interface");
  if (IncludeName.starts_with("boost/") && !Rules.allowsHeader(IncludeName))
    return "it belongs to Boost's '" + IncludeName.drop_front(6).split('/').first.split('.').first.str() +
           "' library, which this exercise does not use";
  return std::nullopt;
}

class IncludeCallbacks : public clang::PPCallbacks {
public:
  IncludeCallbacks(PolicyTU &TU, llvm::StringSet<> &ScannedFolders)
      : TU(TU), SM(TU.sourceManager()), ScannedFolders(ScannedFolders) {}

  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &, llvm::StringRef FileName,
                          bool IsAngled, clang::CharSourceRange, clang::OptionalFileEntryRef File,
                          llvm::StringRef, llvm::StringRef, const clang::Module *,
#if LLVM_VERSION_MAJOR >= 18
                          bool, // the module was imported (LLVM 18 added it)
#endif
                          clang::SrcMgr::CharacteristicKind) override {
    if (!File)
      return; // not found: the compiler says so
    const clang::FileEntry *FE = &File->getFileEntry();
    Origin Includer = TU.Origins.ofFile(SM.getFileID(HashLoc));
    Origin Included = TU.Origins.ofFileEntry(FE);
    std::string Written = IsAngled ? "<" + FileName.str() + ">" : "\"" + FileName.str() + "\"";
    std::string Real = TU.Origins.realPath(FE);
    if (Included == Origin::Outside) {
      // Reached through a name inside the folder: a symbolic link leads out.
      llvm::SmallString<256> Named(File->getName());
      llvm::sys::fs::make_absolute(Named);
      llvm::sys::path::remove_dots(Named, /*remove_dot_dot=*/true);
      bool Link = isInside(Named, TU.Origins.studentFolder());
      reportAtStudentInclude(HashLoc, "'#include " + Written + "' reads " +
                                          (Link ? "a link to " : "") + "a file outside your folder ('" +
                                          Real + "')",
                             "to fix: graded code may include the files of your folder, the "
                             "exercise's contract and system headers; copy what you need into "
                             "your folder");
      return;
    }
    if (Included != Origin::System)
      return;
    // A Boost.Test or sanitizer header is refused wherever the include is;
    // the name rules for Boost libraries apply to the student's own includes.
    std::optional<std::string> Why =
        deniedHeader(Includer == Origin::Student ? FileName : llvm::StringRef(), Real, TU.Rules);
    if (Why)
      reportAtStudentInclude(HashLoc, "'#include " + Written + "' is not allowed in graded code: " + *Why,
                             "to fix: use the C++ standard library (and Asio where the exercise "
                             "says so)");
  }

  void EndOfMainFile() override {
    clang::FileID Main = SM.getMainFileID();
    if (TU.Origins.ofFile(Main) == Origin::Outside)
      TU.report(Name, SM.getLocForStartOfFile(Main),
                "this file is a link to a file outside your folder ('" +
                    TU.Origins.realPath(SM.getFileEntryForID(Main)) +
                    "'): the grader would judge that file, not yours",
                "to fix: put your own file here instead of a link");
    if (ScannedFolders.insert(TU.Origins.studentFolder()).second)
      for (Diagnostic &D : findShadowingHeaders(TU.Origins, TU.Rules, Name))
        TU.Sink.add(std::move(D));
  }

private:
  /// Reports at the include in the student's code that led to \p HashLoc
  /// (itself, when the student wrote it).
  /// One finding per include line of the student's: a header that pulls in
  /// forty others is reported once.
  void reportAtStudentInclude(clang::SourceLocation HashLoc, std::string Message, std::string Fix) {
    clang::SourceLocation At = HashLoc;
    while (At.isValid() && TU.Origins.ofFile(SM.getFileID(At)) != Origin::Student)
      At = SM.getIncludeLoc(SM.getFileID(At));
    if (At.isInvalid())
      At = HashLoc;
    else if (At != HashLoc)
      Message += " (included through '" + SM.getFilename(HashLoc).str() + "')";
    At = SM.translateLineCol(SM.getFileID(At), SM.getSpellingLineNumber(At), 1);
    if (ReportedLines.insert(At).second)
      TU.report(Name, At, std::move(Message), std::move(Fix));
  }

  PolicyTU &TU;
  const clang::SourceManager &SM;
  llvm::StringSet<> &ScannedFolders;
  std::set<clang::SourceLocation> ReportedLines;
};

} // namespace

struct IncludeCheck::State {
  llvm::StringSet<> ScannedFolders; ///< student folders already searched for shadowing headers
};

IncludeCheck::IncludeCheck()
    : PolicyCheck(Name, "files read from outside the student's folder, the contract and the system "
                        "headers; headers that shadow the system's or the kit's"),
      S(std::make_unique<State>()) {}

IncludeCheck::~IncludeCheck() = default;

void IncludeCheck::beginTranslationUnit(PolicyTU &TU) {
  TU.CI.getPreprocessor().addPPCallbacks(std::make_unique<IncludeCallbacks>(TU, S->ScannedFolders));
}

} // namespace racelab::policy
