//===- PreprocessorCheck.cpp - racelab-policy-preprocessor ----------------===//
#include "policy/PreprocessorCheck.h"

#include "llvm/Config/llvm-config.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/LiteralSupport.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace racelab::policy {

namespace {

const char Name[] = "racelab-policy-preprocessor";

/// Macros whose value tells the builds of one file apart (sanitizer,
/// optimisation) or the compiler from the checker: graded code must be the
/// same program in every build, so it may not test them.
bool revealsTheBuild(llvm::StringRef Macro) {
  static const char *const Globs[] = {
      "__has_feature", "__has_extension", "__SANITIZE_*", "*TSAN*", "__SANITIZER*",
      "__OPTIMIZE__",  "__OPTIMIZE_SIZE__", "__NO_INLINE__", "__clang*", "__llvm__",
      "__GNUC*",       "__GNUG__", "__VERSION__", "__INTEL_COMPILER", "_MSC_VER"};
  return llvm::any_of(Globs, [&](const char *G) { return matchesGlob(G, Macro); });
}

/// Pragmas that change nothing a judge relies on.
bool harmlessPragma(llvm::ArrayRef<std::string> Words) {
  if (Words.empty())
    return false;
  llvm::StringRef First = Words[0];
  if (First == "once" || First == "message" || First == "region" || First == "endregion")
    return true;
  return (First == "GCC" || First == "clang") && Words.size() > 1 && Words[1] == "diagnostic";
}

class PreprocessorCallbacks : public clang::PPCallbacks {
public:
  explicit PreprocessorCallbacks(PolicyTU &TU)
      : TU(TU), SM(TU.sourceManager()), Lang(TU.CI.getLangOpts()) {}

  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason, clang::SrcMgr::CharacteristicKind,
                   clang::FileID) override {
    // `#line N "file"` and GNU line markers `# N "file" 3` rename the file
    // and renumber its lines: findings would point elsewhere, and flag 3
    // makes the rest of the file a system header, which the checks skip.
    if (Reason == RenameFile && Loc.isFileID() && TU.Origins.ofFile(SM.getFileID(Loc)) == Origin::Student)
      TU.report(Name, startOfDirective(Loc),
                "a line marker or #line is not allowed in graded code: it changes the file name and "
                "line numbers the compiler and the checker see, and can make your code look like a "
                "system header",
                "to fix: remove it");
  }

  void PragmaDirective(clang::SourceLocation Loc, clang::PragmaIntroducerKind Introducer) override {
    if (!TU.Origins.inStudentFile(Loc))
      return;
    std::string Text;
    std::optional<std::vector<std::string>> Words =
        Introducer == clang::PIK_HashPragma ? hashPragmaWords(Loc, Text) : operatorPragmaWords(Loc, Text);
    if (!Words) {
      TU.report(Name, Loc,
                "this _Pragma is not allowed in graded code: its text is built by a macro, so the "
                "checker cannot read which pragma it is",
                "to fix: write the pragma out, or remove it");
      return;
    }
    if (harmlessPragma(*Words))
      return;
    bool SystemHeader = llvm::is_contained(*Words, "system_header");
    TU.report(Name, Loc,
              "'#pragma " + Text + "' is not allowed in graded code" +
                  (SystemHeader ? ": it makes your code a system header, which the checker and "
                                  "the compiler's warnings skip"
                                : ": only #pragma once, message and diagnostic pragmas are"),
              "to fix: remove it");
  }

  void MacroExpands(const clang::Token &MacroName, const clang::MacroDefinition &, clang::SourceRange,
                    const clang::MacroArgs *) override {
    checkTest(MacroName);
  }
  void Defined(const clang::Token &MacroName, const clang::MacroDefinition &, clang::SourceRange) override {
    checkTest(MacroName);
  }
  void Ifdef(clang::SourceLocation, const clang::Token &MacroName, const clang::MacroDefinition &) override {
    checkTest(MacroName);
  }
  void Ifndef(clang::SourceLocation, const clang::Token &MacroName, const clang::MacroDefinition &) override {
    checkTest(MacroName);
  }
  void Elifdef(clang::SourceLocation, const clang::Token &MacroName, const clang::MacroDefinition &) override {
    checkTest(MacroName);
  }
  void Elifndef(clang::SourceLocation, const clang::Token &MacroName,
                const clang::MacroDefinition &) override {
    checkTest(MacroName);
  }

  // The grader includes the contract header too: a macro the student's copy
  // defines (or undefines) rewrites the grader's own code after it, as
  // `#define BOOST_TEST(x) ((void)0)` would. Only its include guard may be
  // defined, which is known once the file has been read to its end.
  void MacroDefined(const clang::Token &MacroName, const clang::MacroDirective *MD) override {
    if (MD && reachesTheGrader(MacroName.getLocation()))
      ContractMacros.push_back({MacroName.getLocation(), MacroName.getIdentifierInfo(), MD->getMacroInfo()});
  }
  void MacroUndefined(const clang::Token &MacroName, const clang::MacroDefinition &,
                      const clang::MacroDirective *) override {
    if (reachesTheGrader(MacroName.getLocation()))
      reportContractMacro(MacroName.getLocation(), "#undef", MacroName.getIdentifierInfo());
  }
  void EndOfMainFile() override {
    for (const ContractMacro &M : ContractMacros)
      if (!isIncludeGuard(M))
        reportContractMacro(M.Loc, "#define", M.Id);
  }

private:
  struct ContractMacro {
    clang::SourceLocation Loc;
    const clang::IdentifierInfo *Id;
    const clang::MacroInfo *Info;
  };

  /// Is \p Loc in the student's copy of the contract header, or in a file
  /// of theirs that it includes?
  bool reachesTheGrader(clang::SourceLocation Loc) {
    if (!Loc.isFileID() || TU.Origins.ofFile(SM.getFileID(Loc)) != Origin::Student)
      return false;
    for (clang::FileID File = SM.getFileID(Loc); File.isValid() && File != SM.getMainFileID();
         File = SM.getFileID(SM.getIncludeLoc(File)))
      if (TU.Origins.ofFile(File) == Origin::Student && TU.Origins.inContract(SM.getLocForStartOfFile(File)))
        return true;
    return false;
  }

  /// The file's include guard, as Clang's multiple-include detection found
  /// it (the whole file inside `#ifndef X` … `#endif`): an empty object-like
  /// macro, with no name a library reads for its configuration.
  bool isIncludeGuard(const ContractMacro &M) {
    clang::OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(M.Loc));
    if (!File || !M.Info || !M.Info->isObjectLike() || M.Info->getNumTokens() != 0)
      return false;
#if LLVM_VERSION_MAJOR >= 19 // the header's info is looked up by FileEntryRef since LLVM 19
    clang::HeaderFileInfo &Info = TU.CI.getPreprocessor().getHeaderSearchInfo().getFileInfo(*File);
#else
    clang::HeaderFileInfo &Info = TU.CI.getPreprocessor().getHeaderSearchInfo().getFileInfo(&File->getFileEntry());
#endif
    const clang::IdentifierInfo *Guard = Info.getControllingMacro(nullptr);
    if (!Guard || Guard != M.Id)
      return false;
    llvm::StringRef Name = Guard->getName();
    bool Reserved = Name.starts_with("__") || (Name.size() > 1 && Name[0] == '_' && clang::isUppercase(Name[1]));
    bool Configures = Name.starts_with("BOOST_") || Name == "NDEBUG" || Reserved;
    return !Configures;
  }

  void reportContractMacro(clang::SourceLocation Loc, llvm::StringRef Directive,
                           const clang::IdentifierInfo *Id) {
    std::string Macro = Id ? Id->getName().str() : std::string("?");
    TU.report(Name, Loc,
              "'" + Directive.str() + " " + Macro +
                  "' is not allowed in the contract header or a file it includes: the grader "
                  "includes them too, so the macro would change the grader's own code",
              "to fix: keep the contract header as the kit hands it out (only its include guard "
                  "may be defined), and put your macros in your source file");
  }

  void checkTest(const clang::Token &MacroName) {
    const clang::IdentifierInfo *Id = MacroName.getIdentifierInfo();
    if (!Id || !revealsTheBuild(Id->getName()) || !TU.Origins.writtenByStudent(MacroName.getLocation()))
      return;
    TU.report(Name, MacroName.getLocation(),
              "'" + Id->getName().str() +
                  "' tells the builds apart (with or without ThreadSanitizer, optimised or not, "
                  "which compiler): graded code must be the same program in every build",
              "to fix: remove the test and keep the code that is correct in every build");
  }

  /// The start of the line before \p Loc (a directive ends where \p Loc, the
  /// next line, begins).
  clang::SourceLocation startOfDirective(clang::SourceLocation Loc) {
    clang::FileID FID = SM.getFileID(Loc);
    llvm::StringRef Buffer = SM.getBufferData(FID);
    size_t Offset = SM.getFileOffset(Loc);
    if (Offset > 0 && Offset <= Buffer.size())
      --Offset; // the newline that ended the directive
    size_t Start = Buffer.take_front(Offset).rfind('\n');
    Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
    return SM.getLocForStartOfFile(FID).getLocWithOffset(Start);
  }

  /// The words of `#pragma …` at \p Hash, read with Clang's raw lexer (line
  /// splices and comments handled) up to the end of the directive; \p Text
  /// gets them as written, for the message.
  std::optional<std::vector<std::string>> hashPragmaWords(clang::SourceLocation Hash, std::string &Text) {
    std::pair<clang::FileID, unsigned> At = SM.getDecomposedLoc(Hash);
    llvm::StringRef Buffer = SM.getBufferData(At.first);
    clang::Lexer Lex(SM.getLocForStartOfFile(At.first), Lang, Buffer.begin(), Buffer.begin() + At.second,
                     Buffer.end());
    std::vector<std::string> Words;
    clang::Token Tok;
    Lex.LexFromRawLexer(Tok); // '#'
    Lex.LexFromRawLexer(Tok); // 'pragma'
    bool AtEnd = false;
    while (!AtEnd) {
      AtEnd = Lex.LexFromRawLexer(Tok);
      if (Tok.isAtStartOfLine() || Tok.is(clang::tok::eof))
        break;
      std::string Spelling = clang::Lexer::getSpelling(Tok, SM, Lang);
      bool Glued = !Tok.hasLeadingSpace() && !Text.empty();
      Text += (Text.empty() || Glued ? "" : " ") + Spelling;
      Words.push_back(std::move(Spelling));
    }
    return Words;
  }

  /// The words of `_Pragma("…")` at \p Loc, when the operator and its string
  /// are written out in a file; none when a macro builds them.
  std::optional<std::vector<std::string>> operatorPragmaWords(clang::SourceLocation Loc, std::string &Text) {
    clang::SourceLocation Spelling = SM.getSpellingLoc(Loc);
    if (SM.isWrittenInScratchSpace(Spelling))
      return std::nullopt;
    std::pair<clang::FileID, unsigned> At = SM.getDecomposedLoc(Spelling);
    llvm::StringRef Buffer = SM.getBufferData(At.first);
    clang::Lexer Lex(SM.getLocForStartOfFile(At.first), Lang, Buffer.begin(), Buffer.begin() + At.second,
                     Buffer.end());
    clang::Token Operator, Open, String;
    Lex.LexFromRawLexer(Operator);
    Lex.LexFromRawLexer(Open);
    Lex.LexFromRawLexer(String);
    if (Open.isNot(clang::tok::l_paren) || !clang::tok::isStringLiteral(String.getKind()))
      return std::nullopt;
    clang::StringLiteralParser Literal(llvm::ArrayRef<clang::Token>(String), TU.CI.getPreprocessor());
    if (Literal.hadError)
      return std::nullopt;
    Text = Literal.GetString().trim().str();
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Text).split(Parts, ' ', -1, false);
    std::vector<std::string> Words;
    for (llvm::StringRef P : Parts)
      if (!P.trim().empty())
        Words.push_back(P.trim().str());
    return Words;
  }

  PolicyTU &TU;
  const clang::SourceManager &SM;
  const clang::LangOptions &Lang;
  std::vector<ContractMacro> ContractMacros;
};

} // namespace

PreprocessorCheck::PreprocessorCheck()
    : PolicyCheck(Name, "line markers, #line, pragmas other than once/diagnostic/message, tests "
                        "of the build (sanitizer, optimisation, compiler), and macros defined in the "
                        "contract header") {}

void PreprocessorCheck::beginTranslationUnit(PolicyTU &TU) {
  TU.CI.getPreprocessor().addPPCallbacks(std::make_unique<PreprocessorCallbacks>(TU));
}

} // namespace racelab::policy
