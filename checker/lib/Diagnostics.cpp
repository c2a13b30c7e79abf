//===- Diagnostics.cpp ----------------------------------------------------===//
#include "lib/Diagnostics.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <tuple>

namespace racelab {

namespace {

/// The text of line \p Line of the file holding \p Loc, without its newline.
llvm::StringRef lineAt(const clang::SourceManager &SM, clang::FileID FID, unsigned Line) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Line == 0)
    return {};
  for (unsigned I = 1; I < Line; ++I) {
    size_t NL = Buffer.find('\n');
    if (NL == llvm::StringRef::npos)
      return {};
    Buffer = Buffer.drop_front(NL + 1);
  }
  return Buffer.take_until([](char C) { return C == '\n' || C == '\r'; });
}

/// \p Raw without its backslash-newline splices, as the compiler reads it;
/// \p RawIndex maps each character kept to its index in \p Raw.
std::string withoutSplices(llvm::StringRef Raw, std::vector<size_t> &RawIndex) {
  std::string Out;
  for (size_t I = 0; I < Raw.size(); ++I) {
    if (Raw[I] == '\\') {
      size_t J = I + 1;
      if (J < Raw.size() && Raw[J] == '\r')
        ++J;
      if (J < Raw.size() && Raw[J] == '\n') {
        I = J;
        continue;
      }
    }
    Out += Raw[I];
    RawIndex.push_back(I);
  }
  return Out;
}

/// The NOLINT markers in one token's text, which starts at \p Offset of the file.
void markersIn(llvm::StringRef Raw, size_t Offset, bool InComment,
               llvm::ArrayRef<size_t> LineStarts, std::vector<NolintMarker> &Out) {
  if (!Raw.contains("LINT"))
    return;
  std::vector<size_t> RawIndex;
  std::string Clean = withoutSplices(Raw, RawIndex);
  llvm::StringRef Text(Clean);
  for (size_t Pos = Text.find("NOLINT"); Pos != llvm::StringRef::npos; Pos = Text.find("NOLINT", Pos + 1)) {
    NolintMarker M;
    M.InComment = InComment;
    llvm::StringRef Rest = Text.drop_front(Pos);
    for (const char *Kind : {"NOLINTNEXTLINE", "NOLINTBEGIN", "NOLINTEND", "NOLINT"})
      if (Rest.starts_with(Kind)) {
        M.Kind = Kind;
        break;
      }
    Rest = Rest.drop_front(M.Kind.size());
    if (!Rest.empty() && (llvm::isAlnum(Rest.front()) || Rest.front() == '_'))
      continue; // NOLINTFOO is not a marker
    if (Rest.starts_with("(")) {
      size_t Close = Rest.find(')');
      if (Close != llvm::StringRef::npos) {
        M.HasList = true;
        M.List = Rest.slice(1, Close).str();
      }
    }
    size_t At = Offset + RawIndex[Pos];
    auto Line = llvm::upper_bound(LineStarts, At);
    M.Line = unsigned(Line - LineStarts.begin());
    M.Column = unsigned(At - *(Line - 1)) + 1;
    Out.push_back(std::move(M));
  }
}

/// Does a marker of \p Kind among \p Markers on \p Line cover \p Check?
bool covered(llvm::ArrayRef<NolintMarker> Markers, unsigned Line, llvm::StringRef Kind,
             llvm::StringRef Check) {
  return llvm::any_of(Markers, [&](const NolintMarker &M) {
    return M.InComment && M.Line == Line && M.Kind == Kind &&
           (!M.HasList || nolintListCovers(M.List, Check));
  });
}

const char *const Reset = "\033[0m";
const char *const Bold = "\033[1m";
const char *const Magenta = "\033[1;35m";
const char *const Red = "\033[1;31m";
const char *const Cyan = "\033[1;36m";
const char *const Green = "\033[1;32m";

void printSnippet(llvm::raw_ostream &OS, const Location &L, bool Colors) {
  if (L.LineText.empty())
    return;
  OS << L.LineText << '\n';
  // Keep tabs so the caret lines up under the same column.
  std::string Pad;
  for (unsigned I = 0; I + 1 < L.Column && I < L.LineText.size(); ++I)
    Pad += L.LineText[I] == '\t' ? '\t' : ' ';
  OS << Pad << (Colors ? Green : "") << '^' << (Colors ? Reset : "") << '\n';
}

void printHeader(llvm::raw_ostream &OS, const Location &L, llvm::StringRef Kind,
                 const char *KindColor, llvm::StringRef Message, llvm::StringRef Check,
                 bool Colors) {
  if (Colors)
    OS << Bold;
  OS << L.File << ':' << L.Line << ':' << L.Column << ": ";
  if (Colors)
    OS << KindColor;
  OS << Kind << ": ";
  if (Colors)
    OS << Reset << Bold;
  OS << Message;
  if (!Check.empty())
    OS << " [" << Check << ']';
  if (Colors)
    OS << Reset;
  OS << '\n';
}

auto sortKey(const Diagnostic &D) {
  return std::tie(D.Where.File, D.Where.Line, D.Where.Column, D.Check, D.Message);
}

} // namespace

bool isPolicyCheck(llvm::StringRef Check) { return Check.starts_with("racelab-policy-"); }

std::vector<NolintMarker> findNolintMarkers(llvm::StringRef Text) {
  std::vector<NolintMarker> Out;
  if (!Text.contains("LINT"))
    return Out;
  std::vector<size_t> LineStarts = {0};
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);
  clang::LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus14 = Lang.CPlusPlus17 = Lang.CPlusPlus20 = true;
  Lang.LineComment = true;
  clang::Lexer Lex(clang::SourceLocation(), Lang, Text.begin(), Text.begin(), Text.end());
  Lex.SetCommentRetentionState(true);
  clang::Token Tok;
  for (bool More = true; More;) {
    More = !Lex.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    const char *End = Lex.getBufferLocation();
    size_t Offset = size_t(End - Text.begin()) - Tok.getLength();
    markersIn(Text.substr(Offset, Tok.getLength()), Offset, Tok.is(clang::tok::comment), LineStarts,
              Out);
  }
  return Out;
}

bool nolintListCovers(llvm::StringRef List, llvm::StringRef Check) {
  llvm::SmallVector<llvm::StringRef, 4> Items;
  List.split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item == Check)
      return true;
    // `*` anywhere, as in clang-tidy (`racelab-*`, `*-lock-*`); a malformed
    // pattern in a comment matches only itself.
    if (Item.contains('*')) {
      llvm::Expected<llvm::GlobPattern> Glob = llvm::GlobPattern::create(Item);
      if (!Glob) {
        llvm::consumeError(Glob.takeError());
        continue;
      }
      if (Glob->match(Check))
        return true;
    }
  }
  return false;
}

Note noteAt(const clang::SourceManager &SM, clang::SourceLocation Loc, std::string Message,
            bool ShowSource) {
  Note N;
  N.Where = DiagnosticSink::resolve(SM, Loc);
  N.Message = std::move(Message);
  N.ShowSource = ShowSource;
  return N;
}

std::string quoted(const clang::NamedDecl *D) { return "'" + D->getNameAsString() + "'"; }

std::string quotedStarter(const clang::NamedDecl *F) {
  return F && F->getIdentifier() ? quoted(F) : "the code that starts it";
}

Location DiagnosticSink::resolve(const clang::SourceManager &SM, clang::SourceLocation Loc) {
  Location L;
  if (Loc.isInvalid())
    return L;
  clang::SourceLocation FileLoc = SM.getFileLoc(Loc);
  // The real file and line: a `#line` or line marker in the code must not
  // move a finding (or hide it in a file nobody reads).
  clang::PresumedLoc P = SM.getPresumedLoc(FileLoc, /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return L;
  L.File = P.getFilename();
  L.Line = P.getLine();
  L.Column = P.getColumn();
  L.Offset = SM.getFileOffset(FileLoc);
  L.LineText = lineAt(SM, SM.getFileID(FileLoc), SM.getSpellingLineNumber(FileLoc)).str();
  return L;
}

bool DiagnosticSink::isSuppressed(const clang::SourceManager &SM, clang::SourceLocation Loc,
                                  llvm::StringRef Check) {
  if (Loc.isInvalid())
    return false;
  clang::SourceLocation FileLoc = SM.getFileLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(FileLoc), &Invalid);
  if (Invalid)
    return false;
  // Only markers in comments count: "NOLINT" in a string is data, not a marker.
  std::vector<NolintMarker> Markers = findNolintMarkers(Buffer);
  unsigned Line = SM.getSpellingLineNumber(FileLoc);
  return covered(Markers, Line, "NOLINT", Check) ||
         (Line > 1 && covered(Markers, Line - 1, "NOLINTNEXTLINE", Check));
}

void DiagnosticSink::report(const clang::SourceManager &SM, clang::SourceLocation Loc,
                            Diagnostic D) {
  if (HonourNolint && !isPolicyCheck(D.Check) && isSuppressed(SM, Loc, D.Check))
    return;
  D.Where = resolve(SM, Loc);
  Diags.push_back(std::move(D));
}

void DiagnosticSink::finish() {
  llvm::stable_sort(Diags, [](const Diagnostic &A, const Diagnostic &B) {
    return sortKey(A) < sortKey(B);
  });
  Diags.erase(std::unique(Diags.begin(), Diags.end(),
                          [](const Diagnostic &A, const Diagnostic &B) {
                            return sortKey(A) == sortKey(B);
                          }),
              Diags.end());
}

size_t DiagnosticSink::keepFrom(size_t From, llvm::function_ref<bool(Diagnostic &)> Keep) {
  auto Start = Diags.begin() + std::min(From, Diags.size());
  auto Kept = std::stable_partition(Start, Diags.end(), Keep);
  size_t Dropped = Diags.end() - Kept;
  Diags.erase(Kept, Diags.end());
  return Dropped;
}

bool isError(const Diagnostic &D) { return D.AsError || isPolicyCheck(D.Check); }

void DiagnosticSink::print(llvm::raw_ostream &OS, bool Colors) const {
  for (const Diagnostic &D : Diags) {
    bool Error = isError(D);
    // As clang-tidy marks a warning made an error: [check,-warnings-as-errors].
    std::string Name = D.AsError && !isPolicyCheck(D.Check) ? D.Check + ",-warnings-as-errors" : D.Check;
    printHeader(OS, D.Where, Error ? "error" : "warning", Error ? Red : Magenta, D.Message, Name, Colors);
    printSnippet(OS, D.Where, Colors);
    for (const Note &N : D.Notes) {
      printHeader(OS, N.Where.valid() ? N.Where : D.Where, "note", Cyan, N.Message, "",
                  Colors);
      if (N.ShowSource)
        printSnippet(OS, N.Where, Colors);
    }
  }
}

void DiagnosticSink::printJSON(llvm::raw_ostream &OS) const {
  auto Loc = [](const Location &L) {
    return llvm::json::Object{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
  };
  llvm::json::Array Out;
  for (const Diagnostic &D : Diags) {
    llvm::json::Array Notes;
    for (const Note &N : D.Notes) {
      llvm::json::Object O = Loc(N.Where.valid() ? N.Where : D.Where);
      O["message"] = N.Message;
      Notes.push_back(std::move(O));
    }
    llvm::json::Object O = Loc(D.Where);
    O["check"] = D.Check;
    O["severity"] = isError(D) ? "error" : "warning";
    // What the grade report shows: a policy violation or a concurrency finding.
    O["kind"] = isPolicyCheck(D.Check) ? "policy" : "concurrency";
    O["message"] = D.Message;
    O["notes"] = std::move(Notes);
    Out.push_back(std::move(O));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Out))) << '\n';
}

} // namespace racelab
