//===- Diagnostics.cpp ----------------------------------------------------===//
#include "lib/Diagnostics.h"

#include "clang/AST/Decl.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

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

/// Looks for \p Marker (NOLINT or NOLINTNEXTLINE) in \p Text, not as a prefix
/// of a longer marker, and says whether it covers \p Check.
bool hasMarker(llvm::StringRef Text, llvm::StringRef Marker, llvm::StringRef Check) {
  size_t Pos = 0;
  while ((Pos = Text.find(Marker, Pos)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Text.drop_front(Pos + Marker.size());
    Pos += Marker.size();
    if (!Rest.empty() && (llvm::isAlnum(Rest.front()) || Rest.front() == '_'))
      continue; // NOLINTNEXTLINE seen while looking for NOLINT, or NOLINTBEGIN
    if (!Rest.starts_with("("))
      return true; // a bare NOLINT silences every check
    size_t Close = Rest.find(')');
    if (Close == llvm::StringRef::npos)
      continue;
    if (nolintListCovers(Rest.slice(1, Close), Check))
      return true;
  }
  return false;
}

const char *const Reset = "\033[0m";
const char *const Bold = "\033[1m";
const char *const Magenta = "\033[1;35m";
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
  clang::PresumedLoc P = SM.getPresumedLoc(FileLoc);
  if (P.isInvalid())
    return L;
  L.File = P.getFilename();
  L.Line = P.getLine();
  L.Column = P.getColumn();
  L.LineText = lineAt(SM, SM.getFileID(FileLoc), SM.getSpellingLineNumber(FileLoc)).str();
  return L;
}

bool DiagnosticSink::isSuppressed(const clang::SourceManager &SM, clang::SourceLocation Loc,
                                  llvm::StringRef Check) {
  if (Loc.isInvalid())
    return false;
  clang::SourceLocation FileLoc = SM.getFileLoc(Loc);
  clang::FileID FID = SM.getFileID(FileLoc);
  unsigned Line = SM.getSpellingLineNumber(FileLoc);
  if (hasMarker(lineAt(SM, FID, Line), "NOLINT", Check))
    return true;
  return Line > 1 && hasMarker(lineAt(SM, FID, Line - 1), "NOLINTNEXTLINE", Check);
}

void DiagnosticSink::report(const clang::SourceManager &SM, clang::SourceLocation Loc,
                            Diagnostic D) {
  if (isSuppressed(SM, Loc, D.Check))
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

void DiagnosticSink::print(llvm::raw_ostream &OS, bool Colors) const {
  for (const Diagnostic &D : Diags) {
    printHeader(OS, D.Where, "warning", Magenta, D.Message, D.Check, Colors);
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
    O["severity"] = "warning";
    O["message"] = D.Message;
    O["notes"] = std::move(Notes);
    Out.push_back(std::move(O));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Out))) << '\n';
}

} // namespace racelab

namespace racelab {

namespace {

/// Percent-encodes what may not stand in a URI path (RFC 3986), keeping '/'.
std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += char(C);
    else
      Out += llvm::formatv("%{0:X2}", unsigned(C)).str();
  }
  return Out;
}

/// SARIF's artifactLocation for \p File: relative to \p BaseDir (with
/// uriBaseId %SRCROOT%) when it is inside it, else an absolute file:// URI.
llvm::json::Object artifactLocation(llvm::StringRef File, llvm::StringRef BaseDir) {
  llvm::SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  llvm::StringRef Path = Absolute;
  llvm::SmallString<256> Base(BaseDir);
  llvm::sys::path::remove_dots(Base, true);
  if (!Base.empty() && Path.consume_front(Base) && Path.consume_front("/"))
    return llvm::json::Object{{"uri", encodeUriPath(Path)}, {"uriBaseId", "%SRCROOT%"}};
  return llvm::json::Object{{"uri", "file://" + encodeUriPath(Absolute)}};
}

llvm::json::Object physicalLocation(const Location &L, llvm::StringRef BaseDir) {
  return llvm::json::Object{
      {"artifactLocation", artifactLocation(L.File, BaseDir)},
      {"region", llvm::json::Object{{"startLine", L.Line}, {"startColumn", L.Column}}}};
}

} // namespace

void DiagnosticSink::printSARIF(llvm::raw_ostream &OS, const SarifTool &Tool,
                                llvm::StringRef BaseDir) const {
  llvm::json::Array Rules;
  for (const SarifRule &R : Tool.Rules)
    Rules.push_back(llvm::json::Object{
        {"id", R.Id},
        {"name", R.Id},
        {"shortDescription", llvm::json::Object{{"text", R.Description}}},
        {"helpUri", R.HelpUri},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}}});

  llvm::json::Array Results;
  for (const Diagnostic &D : Diags) {
    llvm::json::Array Related;
    int Id = 0;
    for (const Note &N : D.Notes) {
      llvm::json::Object R{{"id", Id++},
                           {"physicalLocation", physicalLocation(N.Where.valid() ? N.Where : D.Where,
                                                                 BaseDir)},
                           {"message", llvm::json::Object{{"text", N.Message}}}};
      Related.push_back(std::move(R));
    }
    llvm::json::Object Result{
        {"ruleId", D.Check},
        {"level", "warning"},
        {"message", llvm::json::Object{{"text", D.Message}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{{"physicalLocation", physicalLocation(D.Where, BaseDir)}}}},
        {"relatedLocations", std::move(Related)}};
    auto Rule = llvm::find_if(Tool.Rules, [&](const SarifRule &R) { return R.Id == D.Check; });
    if (Rule != Tool.Rules.end())
      Result["ruleIndex"] = int64_t(Rule - Tool.Rules.begin());
    Results.push_back(std::move(Result));
  }

  llvm::json::Object Driver{{"name", Tool.Name},
                            {"informationUri", Tool.InformationUri},
                            {"rules", std::move(Rules)}};
  if (!Tool.Version.empty())
    Driver["version"] = Tool.Version;
  llvm::json::Object Run{{"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
                         {"results", std::move(Results)}};
  if (!BaseDir.empty()) {
    std::string Base = "file://" + encodeUriPath(BaseDir);
    if (!llvm::StringRef(Base).ends_with("/"))
      Base += '/';
    Run["originalUriBaseIds"] =
        llvm::json::Object{{"%SRCROOT%", llvm::json::Object{{"uri", Base}}}};
  }
  llvm::json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << '\n';
}

} // namespace racelab
