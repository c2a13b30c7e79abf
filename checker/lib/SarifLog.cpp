//===- SarifLog.cpp - racelab-check's findings as a SARIF 2.1.0 log --------===//
#include "lib/SarifLog.h"

#include "sarif/Fingerprint.h"
#include "sarif/RuleHelp.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0.0.0"
#endif

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

/// SARIF's artifactLocation for \p File: relative to \p Root (with uriBaseId
/// %SRCROOT%) when it is inside it, else an absolute file:// URI, which code
/// scanning ignores (a system header, a file of another repository).
llvm::json::Object artifactLocation(llvm::StringRef File, llvm::StringRef Root) {
  llvm::SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  llvm::StringRef Path = Absolute;
  if (!Root.empty() && Path.consume_front(Root) && Path.consume_front("/"))
    return llvm::json::Object{{"uri", encodeUriPath(Path)}, {"uriBaseId", "%SRCROOT%"}};
  return llvm::json::Object{{"uri", "file://" + encodeUriPath(Absolute)}};
}

llvm::json::Object physicalLocation(const Location &L, llvm::StringRef Root) {
  return llvm::json::Object{
      {"artifactLocation", artifactLocation(L.File, Root)},
      {"region", llvm::json::Object{{"startLine", L.Line}, {"startColumn", L.Column}}}};
}

const char *levelOf(llvm::StringRef Check) { return isPolicyCheck(Check) ? "error" : "warning"; }

llvm::json::Object text(std::string Text) { return llvm::json::Object{{"text", std::move(Text)}}; }

/// The rule's reportingDescriptor: its summary, and its page of checker/docs as
/// the full description and help (the summary alone for a check with no page).
llvm::json::Object rule(const SarifRule &R) {
  std::optional<sarif::RuleHelp> Help = sarif::checkHelp(R.Id);
  std::string Full = Help && !Help->FullDescription.empty() ? Help->FullDescription : R.Summary;
  llvm::json::Object Rule{{"id", R.Id},
                          {"shortDescription", text(R.Summary)},
                          {"fullDescription", text(Full)},
                          {"defaultConfiguration", llvm::json::Object{{"level", levelOf(R.Id)}}}};
  if (Help) {
    Rule["help"] = llvm::json::Object{{"text", Help->Markdown}, {"markdown", Help->Markdown}};
    if (!Help->HelpUri.empty())
      Rule["helpUri"] = Help->HelpUri;
  } else {
    Rule["help"] = text(Full);
  }
  return Rule;
}

llvm::json::Array results(llvm::ArrayRef<Diagnostic> Diags, const SarifRun &Run) {
  sarif::Fingerprints Fingerprints;
  llvm::json::Array Results;
  for (const Diagnostic &D : Diags) {
    llvm::json::Array Related;
    int Id = 0;
    for (const Note &N : D.Notes)
      Related.push_back(llvm::json::Object{
          {"id", Id++},
          {"physicalLocation", physicalLocation(N.Where.valid() ? N.Where : D.Where, Run.SourceRoot)},
          {"message", text(N.Message)}});
    llvm::json::Object Where = physicalLocation(D.Where, Run.SourceRoot);
    std::string Uri = Where.getObject("artifactLocation")->getString("uri")->str();
    llvm::json::Object Result{
        {"ruleId", D.Check},
        {"level", isError(D) ? "error" : "warning"},
        {"message", text(D.Message)},
        {"locations", llvm::json::Array{llvm::json::Object{{"physicalLocation", std::move(Where)}}}},
        {"partialFingerprints",
         llvm::json::Object{{std::string(sarif::FingerprintKey), Fingerprints.next(D.Check, Uri, D.Message)}}}};
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    auto Rule = llvm::find_if(Run.Rules, [&](const SarifRule &R) { return R.Id == D.Check; });
    if (Rule != Run.Rules.end())
      Result["ruleIndex"] = int64_t(Rule - Run.Rules.begin());
    Results.push_back(std::move(Result));
  }
  return Results;
}

/// Whether the run analysed everything it was asked to; its errors otherwise,
/// so that a run that could not look reads as a failure, not as a clean bill.
llvm::json::Object invocation(const SarifRun &Run) {
  llvm::json::Array Notifications;
  for (const std::string &Error : Run.ToolErrors)
    Notifications.push_back(llvm::json::Object{{"level", "error"}, {"message", text(Error)}});
  llvm::json::Object Invocation{{"executionSuccessful", Run.ToolErrors.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  return Invocation;
}

} // namespace

std::string sourceRoot(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef Up = llvm::sys::path::parent_path(Dir); !Up.empty();
       Up = llvm::sys::path::parent_path(Up)) {
    llvm::SmallString<256> Git(Up);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git)) // a folder, or a file in a worktree
      return Up.str();
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return Cwd.str().str();
}

void printSarifLog(llvm::raw_ostream &OS, llvm::ArrayRef<Diagnostic> Diags, const SarifRun &Run) {
  llvm::json::Array Rules;
  for (const SarifRule &R : Run.Rules)
    Rules.push_back(rule(R));
  llvm::json::Object Driver{{"name", "racelab-check"},
                            {"version", RACELAB_VERSION},
                            {"informationUri", sarif::informationUri("checker/README.md")},
                            {"rules", std::move(Rules)}};
  // %SRCROOT% is described, not given: the log names no folder of the machine
  // it was made on, and code scanning resolves it to the checkout.
  llvm::json::Object Root{{"description", text("the repository root, or the folder racelab-check ran in outside a repository")}};
  llvm::json::Object RunObject{{"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
                              {"invocations", llvm::json::Array{invocation(Run)}},
                              {"originalUriBaseIds", llvm::json::Object{{"%SRCROOT%", std::move(Root)}}},
                              {"results", results(Diags, Run)}};
  llvm::json::Object Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", llvm::json::Array{std::move(RunObject)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << '\n';
}

} // namespace racelab
