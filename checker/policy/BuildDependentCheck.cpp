//===- BuildDependentCheck.cpp - racelab-policy-build-dependent -----------===//
//
// Each compile command of a file records the tokens the parser receives that
// were written in the student's files (where, and what). The builds of one
// file must agree: a student who writes code that is correct only under
// ThreadSanitizer, or only when optimised, makes them differ, however the
// difference is arranged (#if on a predefined macro, a macro the build
// defines, a header that differs).
//
//===----------------------------------------------------------------------===//
#include "policy/BuildDependentCheck.h"

#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"

#include <deque>
#include <set>

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-build-dependent";

/// One token of the student's code as one build saw it.
struct SeenToken {
  unsigned File = 0; ///< index into Build::Files
  unsigned Offset = 0;
  size_t Hash = 0; ///< of its spelling

  bool operator==(const SeenToken &O) const { return File == O.File && Offset == O.Offset && Hash == O.Hash; }
};

/// What one compile command of the file saw.
struct Build {
  std::string Name;                    ///< "the plain build (-O2)"
  std::vector<std::string> Files;      ///< the student's files, by real path
  std::vector<std::string> FileTexts;  ///< their contents, to show a line
  std::vector<SeenToken> Tokens;
  std::set<std::string> Macros;        ///< -D and -U of its command line
  bool Complete = false;               ///< parsed to the end without errors
};

} // namespace

struct BuildDependentCheck::State {
  std::deque<Build> Builds; ///< of the current file, one per compile command (stable addresses)
};

namespace {

/// Records the student's tokens of one translation unit into \p B.
class TokenRecorder {
public:
  TokenRecorder(PolicyTU &TU, Build &B) : TU(TU), SM(TU.sourceManager()), B(B) {}

  void operator()(const clang::Token &Tok) {
    if (Tok.is(clang::tok::eof) || Tok.isAnnotation() || Tok.getLocation().isInvalid())
      return;
    // Where its text was written: tokens of the student's macros count where
    // the macro is defined; pasted and built-in ones (__LINE__, __TIME__) are
    // left out, as their text is made up anew in every build.
    clang::SourceLocation Spelling = SM.getSpellingLoc(Tok.getLocation());
    clang::FileID FID = SM.getFileID(Spelling);
    if (FID != LastFID) {
      LastFID = FID;
      LastIndex = indexOf(FID);
    }
    if (LastIndex < 0)
      return;
    llvm::StringRef Text(SM.getCharacterData(Spelling), Tok.getLength());
    B.Tokens.push_back({unsigned(LastIndex), SM.getFileOffset(Spelling), llvm::hash_value(Text)});
  }

private:
  int indexOf(clang::FileID FID) {
    auto It = Indexes.find(FID);
    if (It != Indexes.end())
      return It->second;
    int Index = -1;
    const clang::FileEntry *FE = SM.getFileEntryForID(FID);
    if (FE && TU.Origins.ofFile(FID) == Origin::Student) {
      std::string Path = TU.Origins.realPath(FE);
      auto Known = llvm::find(B.Files, Path);
      Index = int(Known - B.Files.begin());
      if (Known == B.Files.end()) {
        B.Files.push_back(Path);
        B.FileTexts.push_back(SM.getBufferData(FID).str());
      }
    }
    Indexes[FID] = Index;
    return Index;
  }

  PolicyTU &TU;
  const clang::SourceManager &SM;
  Build &B;
  llvm::DenseMap<clang::FileID, int> Indexes;
  clang::FileID LastFID;
  int LastIndex = -1;
};

/// A location in \p B's student files, as the diagnostics show it.
Location locate(const Build &B, const SeenToken &T) {
  Location L;
  L.File = B.Files[T.File];
  llvm::StringRef Text = B.FileTexts[T.File];
  llvm::StringRef Before = Text.take_front(T.Offset);
  L.Line = unsigned(Before.count('\n')) + 1;
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  L.Column = unsigned(T.Offset - LineStart) + 1;
  L.LineText = Text.drop_front(LineStart).take_until([](char C) { return C == '\n' || C == '\r'; }).str();
  return L;
}

/// How to tell two builds apart in a message: their names, or else the
/// macros one command line defines and the other does not.
std::pair<std::string, std::string> namesOf(const Build &A, const Build &B) {
  if (A.Name != B.Name)
    return {A.Name, B.Name};
  auto Only = [](const Build &X, const Build &Y) {
    std::string Out;
    for (const std::string &M : X.Macros)
      if (!Y.Macros.count(M))
        Out += " " + M;
    return Out;
  };
  std::string OnlyA = Only(A, B), OnlyB = Only(B, A);
  return {A.Name + (OnlyA.empty() ? "" : " with" + OnlyA),
          B.Name + (OnlyB.empty() ? (OnlyA.empty() ? " (another compile command)" : " without them") : " with" + OnlyB)};
}

/// The first token where \p A and \p B differ, or none.
std::optional<std::pair<const Build *, SeenToken>> firstDifference(const Build &A, const Build &B) {
  auto Same = [&](const SeenToken &X, const SeenToken &Y) {
    return A.Files[X.File] == B.Files[Y.File] && X.Offset == Y.Offset && X.Hash == Y.Hash;
  };
  size_t N = std::min(A.Tokens.size(), B.Tokens.size());
  for (size_t I = 0; I < N; ++I)
    if (!Same(A.Tokens[I], B.Tokens[I]))
      // Show the token that comes first in the file: the start of the code one build skips.
      return A.Tokens[I].Offset <= B.Tokens[I].Offset ? std::make_pair(&A, A.Tokens[I])
                                                      : std::make_pair(&B, B.Tokens[I]);
  if (A.Tokens.size() != B.Tokens.size())
    return A.Tokens.size() > N ? std::make_pair(&A, A.Tokens[N]) : std::make_pair(&B, B.Tokens[N]);
  return std::nullopt;
}

} // namespace

BuildDependentCheck::BuildDependentCheck()
    : PolicyCheck(Name, "code that is not the same in every build of the grader (plain, "
                        "ThreadSanitizer, perf)"),
      S(std::make_unique<State>()) {}

BuildDependentCheck::~BuildDependentCheck() = default;

void BuildDependentCheck::beginTranslationUnit(PolicyTU &TU) {
  Build &B = S->Builds.emplace_back();
  B.Name = TU.BuildName;
  for (const auto &[Macro, Undefined] : TU.CI.getPreprocessorOpts().Macros)
    B.Macros.insert((Undefined ? "-U" : "-D") + Macro);
  TU.CI.getPreprocessor().setTokenWatcher(
      [Recorder = std::make_shared<TokenRecorder>(TU, B)](const clang::Token &Tok) { (*Recorder)(Tok); });
}

void BuildDependentCheck::checkAST(clang::ASTContext &, PolicyTU &) {
  S->Builds.back().Complete = true; // parsed without errors: its tokens are all there
}

void BuildDependentCheck::endFile(DiagnosticSink &Sink) {
  std::deque<Build> Builds = std::move(S->Builds);
  S->Builds.clear();
  const Build *First = nullptr;
  for (const Build &B : Builds) {
    if (!B.Complete)
      continue;
    if (!First) {
      First = &B;
      continue;
    }
    auto Difference = firstDifference(*First, B);
    if (!Difference)
      continue;
    const Build *Other = Difference->first == First ? &B : First;
    auto [Shown, Compared] = namesOf(*Difference->first, *Other);
    Diagnostic D;
    D.Check = Name;
    D.Where = locate(*Difference->first, Difference->second);
    D.Message = "this code is not the same in every build: " + Shown + " and " + Compared +
                " compile different code from here on (an #if or a macro tells the builds "
                "apart); graded code must be one program, whatever the build";
    D.Notes.push_back({D.Where, "to fix: remove what makes the builds differ, and keep the code "
                                "that is correct in all of them",
                       /*ShowSource=*/false});
    Sink.add(std::move(D));
    return; // the first difference says it all
  }
}

} // namespace racelab::policy
