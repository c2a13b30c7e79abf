//===- Setups.cpp ---------------------------------------------------------===//
#include "lib/Setups.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

namespace racelab {

namespace {

/// Appends \p More to the glob list \p Globs (the last match wins).
void appendGlobs(std::string &Globs, llvm::StringRef More) {
  if (More.empty())
    return;
  // A configuration --dump-config wrote starts with the default: read back,
  // it says the same once, not twice.
  if (Globs == "racelab-*" && (More == Globs || More.starts_with(Globs + ","))) {
    Globs = More.str();
    return;
  }
  if (!Globs.empty())
    Globs += ",";
  Globs += More.str();
}

} // namespace

bool Setup::admit(Diagnostic &D, bool InMainFile) const {
  if (isPolicyCheck(D.Check))
    return true; // the grading policy reads every file it is given
  if (!InMainFile && HeaderFilter && !HeaderFilter->match(D.Where.File))
    return false;
  if (Effective.WarningsAsErrors)
    D.AsError = checkEnabled(D.Check, *Effective.WarningsAsErrors);
  return true;
}

std::vector<CheckInfo> knownChecks() {
  std::vector<CheckInfo> Known;
  for (const auto &C : createAllChecks())
    Known.push_back({C->name(), C->optionNames()});
  return Known;
}

/// Builds the enabled checks for \p Config (null: no config file): globs
/// `racelab-*`, then the file's Checks, then --checks (the last match wins);
/// the other settings from the file, then from the command line.
Setup Setups::make(const ConfigFile *Config) const {
  Setup S;
  ConfigFile &E = S.Effective;
  std::string Globs = "racelab-*";
  if (Config) {
    E = *Config;
    appendGlobs(Globs, Config->Checks.value_or(""));
  }
  appendGlobs(Globs, Settings.Checks);
  E.Checks = Globs;
  if (Settings.WarningsAsErrors)
    E.WarningsAsErrors = *Settings.WarningsAsErrors;
  if (Settings.HeaderFilter)
    E.HeaderFilterRegex = *Settings.HeaderFilter;
  for (const auto &Option : Settings.Options)
    E.Options[Option.first] = Option.second;
  if (E.HeaderFilterRegex) // validated when read; empty, as in clang-tidy: no header
    S.HeaderFilter.emplace(E.HeaderFilterRegex->empty() ? "^$" : *E.HeaderFilterRegex);
  for (auto &C : createAllChecks())
    if (checkEnabled(C->name(), Globs)) {
      C->setOptions(E.Options);
      S.Checks.push_back(std::move(C));
    }
  if (S.Checks.empty() && !Settings.HasPolicy) { // with a policy, its checks run
    S.Error = "no check is enabled for it (";
    if (Config && Config->Checks)
      S.Error += "Checks: '" + *Config->Checks + "' in " + Config->Path +
                 (Settings.Checks.empty() ? "" : ", then ");
    if (!Settings.Checks.empty())
      S.Error += "--checks='" + Settings.Checks + "'";
    S.Error += ")";
    // Checks may come from a multi-line YAML scalar: keep the error on one line.
    std::replace_if(S.Error.begin(), S.Error.end(), [](char C) { return C == '\n' || C == '\r'; }, ' ');
  }
  return S;
}

const Setup &Setups::forFile(llvm::StringRef SourceFile) {
  // When grading, a config file in the graded folders is the student's: only
  // one given on the command line counts.
  if (Settings.Config) {
    auto It = ByConfig.find(Settings.Config->Path);
    if (It != ByConfig.end())
      return It->second;
    return ByConfig[Settings.Config->Path] = make(&*Settings.Config);
  }
  std::string Path = Settings.Grading ? std::string() : findConfigFile(SourceFile);
  auto It = ByConfig.find(Path);
  if (It != ByConfig.end())
    return It->second;
  Setup &S = ByConfig[Path];
  if (Path.empty())
    return S = make(nullptr);
  ConfigFile Config;
  std::string Error;
  if (!readConfigFile(Path, Known, Config, Error)) {
    S.Error = Error;
    S.Malformed = true;
    return S;
  }
  return S = make(&Config);
}

std::vector<const Check *> Setups::enabledAnywhere() const {
  std::vector<const Check *> Out;
  for (const CheckInfo &Info : Known)
    for (const auto &Entry : ByConfig) {
      auto Found =
          llvm::find_if(Entry.second.Checks, [&](const auto &C) { return C->name() == Info.Name; });
      if (Found != Entry.second.Checks.end()) {
        Out.push_back(Found->get());
        break;
      }
    }
  return Out;
}

} // namespace racelab
