//===- Tool.cpp - parse each file once, run the checks, report ------------===//
#include "lib/Tool.h"

#include "lib/Check.h"
#include "lib/Config.h"
#include "lib/Diagnostics.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#ifndef RACELAB_CLANG_RESOURCE_DIR
#define RACELAB_CLANG_RESOURCE_DIR ""
#endif
#ifndef RACELAB_CHECKER_DOCS_URL
#define RACELAB_CHECKER_DOCS_URL "checker/docs"
#endif

namespace racelab {

namespace {

llvm::cl::OptionCategory Category("racelab-check options");

llvm::cl::opt<std::string> ChecksOption(
    "checks",
    llvm::cl::desc("Comma-separated globs of the checks to run; a leading '-' removes, the last\n"
                   "glob matching a check decides. Applied after the default (racelab-*) and\n"
                   "the config file's Checks. Example: --checks=-*,racelab-missing-lock"),
    llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<std::string> ConfigFileOption(
    "config-file",
    llvm::cl::desc("Read the configuration from this file for every source file, instead of\n"
                   "the nearest .racelab-check above each one"),
    llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<std::string> FormatOption("format",
                                        llvm::cl::desc("Output format: text (default), json or sarif (SARIF 2.1.0)"),
                                        llvm::cl::init("text"), llvm::cl::cat(Category));

llvm::cl::opt<std::string> BlockingFunctionsOption(
    "blocking-functions",
    llvm::cl::desc("racelab-blocking-in-coroutine: more functions that block, comma-separated\n"
                   "qualified names (e.g. --blocking-functions=net::fetch,Db::query)"),
    llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<bool> ListChecksOption("list-checks",
                                     llvm::cl::desc("List the enabled checks and exit"),
                                     llvm::cl::cat(Category));

llvm::cl::opt<bool> AllCommandsOption(
    "all-compile-commands",
    llvm::cl::desc("Analyse a file once per compile command naming it (default: the first one\n"
                   "only; findings are deduplicated either way)"),
    llvm::cl::cat(Category));

const char Overview[] =
    "racelab-check: finds concurrency mistakes in C++ before anything runs.\n\n"
    "  racelab-check [options] [-p <build dir>] <files...> [-- <compile flags>]\n\n"
    "Exit status: 0 no finding, 1 findings, 2 tool error (missing file, compile\n"
    "errors, bad options or config file). Silence one finding with\n"
    "// NOLINT(racelab-<check>). Configuration: the nearest .racelab-check above\n"
    "each file (Checks: '...', CheckOptions: ...), overridden by the options.\n";

/// Only the first compile command of each file: a file built twice (plain
/// and with -fsanitize=thread) is parsed once.
class FirstCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit FirstCommandDatabase(const clang::tooling::CompilationDatabase &Inner)
      : Inner(Inner) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    auto Commands = Inner.getCompileCommands(File);
    if (Commands.size() > 1)
      Commands.resize(1);
    return Commands;
  }
  std::vector<std::string> getAllFiles() const override { return Inner.getAllFiles(); }

private:
  const clang::tooling::CompilationDatabase &Inner;
};

/// Keeps the compiler's errors to itself; remembers the first for the
/// one-line message.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < clang::DiagnosticsEngine::Error)
      return;
    ++Errors;
    if (!First.empty())
      return;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      Location L = DiagnosticSink::resolve(Info.getSourceManager(), Info.getLocation());
      if (L.valid())
        First = L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Column) + ": ";
    }
    First += Text.str().str();
  }

  unsigned Errors = 0;
  std::string First;
};

class RacelabConsumer : public clang::ASTConsumer {
public:
  RacelabConsumer(const std::vector<std::unique_ptr<Check>> &Checks, DiagnosticSink &Sink)
      : Checks(Checks), Sink(Sink) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // half an AST: say nothing rather than something wrong
    std::unique_ptr<Analysis> Findings = analyseTranslationUnit(Ctx);
    TranslationUnitContext TU{Ctx, *Findings, Sink};
    for (const auto &C : Checks)
      C->check(TU);
  }

private:
  const std::vector<std::unique_ptr<Check>> &Checks;
  DiagnosticSink &Sink;
};

class RacelabAction : public clang::ASTFrontendAction {
public:
  RacelabAction(const std::vector<std::unique_ptr<Check>> &Checks, DiagnosticSink &Sink)
      : Checks(Checks), Sink(Sink) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return std::make_unique<RacelabConsumer>(Checks, Sink);
  }

private:
  const std::vector<std::unique_ptr<Check>> &Checks;
  DiagnosticSink &Sink;
};

class RacelabActionFactory : public clang::tooling::FrontendActionFactory {
public:
  RacelabActionFactory(const std::vector<std::unique_ptr<Check>> &Checks, DiagnosticSink &Sink)
      : Checks(Checks), Sink(Sink) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<RacelabAction>(Checks, Sink);
  }

private:
  const std::vector<std::unique_ptr<Check>> &Checks;
  DiagnosticSink &Sink;
};

/// clang's builtin headers where the tool was built, unless the command
/// names its own; no warnings (-Werror must not stop the analysis).
clang::tooling::CommandLineArguments adjustArguments(const clang::tooling::CommandLineArguments &Args,
                                                     llvm::StringRef) {
  clang::tooling::CommandLineArguments Out = Args;
  bool HasResourceDir = llvm::any_of(Args, [](const std::string &A) {
    return llvm::StringRef(A).startswith("-resource-dir");
  });
  if (!HasResourceDir && !Out.empty() && *RACELAB_CLANG_RESOURCE_DIR)
    Out.insert(Out.begin() + 1, std::string("-resource-dir=") + RACELAB_CLANG_RESOURCE_DIR);
  Out.push_back("-w");
  Out.push_back("-fno-caret-diagnostics"); // no "N errors generated." on stderr
  return Out;
}

/// The checks one source file gets, from its config file and the options.
struct Setup {
  std::string Error; ///< why its files cannot be analysed, or ""
  bool Malformed = false; ///< the config file is (Error says where)
  std::vector<std::unique_ptr<Check>> Checks;
};

/// The check names and their options, to validate globs and option keys.
std::vector<CheckInfo> knownChecks() {
  std::vector<CheckInfo> Known;
  for (const auto &C : createAllChecks())
    Known.push_back({C->name(), C->optionNames()});
  return Known;
}

/// Builds the enabled checks for \p Config (null: no config file): globs
/// `racelab-*`, then the file's Checks, then --checks (the last match wins);
/// options from the file, then from the command line.
Setup makeSetup(const ConfigFile *Config) {
  Setup S;
  std::string Globs = "racelab-*";
  if (Config && Config->Checks)
    Globs += "," + *Config->Checks;
  if (!ChecksOption.empty())
    Globs += "," + ChecksOption;
  std::map<std::string, std::string> CheckOptions;
  if (Config)
    CheckOptions = Config->Options;
  if (BlockingFunctionsOption.getNumOccurrences())
    CheckOptions["racelab-blocking-in-coroutine.BlockingFunctions"] = BlockingFunctionsOption;
  for (auto &C : createAllChecks())
    if (checkEnabled(C->name(), Globs)) {
      C->setOptions(CheckOptions);
      S.Checks.push_back(std::move(C));
    }
  if (S.Checks.empty()) {
    S.Error = "no check is enabled for it (";
    if (Config && Config->Checks)
      S.Error += "Checks: '" + *Config->Checks + "' in " + Config->Path +
                 (ChecksOption.empty() ? "" : ", then ");
    if (!ChecksOption.empty())
      S.Error += "--checks='" + ChecksOption + "'";
    S.Error += ")";
    // Checks may come from a multi-line YAML scalar: keep the error on one line.
    std::replace_if(S.Error.begin(), S.Error.end(), [](char C) { return C == '\n' || C == '\r'; }, ' ');
  }
  return S;
}

/// The setup of each config file (by path; "" = none), built once.
class Setups {
public:
  explicit Setups(std::vector<CheckInfo> Known) : Known(std::move(Known)) {}

  /// For the file named by --config-file, or the nearest one above \p SourceFile.
  const Setup &forFile(llvm::StringRef SourceFile) {
    std::string Path =
        ConfigFileOption.empty() ? findConfigFile(SourceFile) : ConfigFileOption.getValue();
    auto It = ByConfig.find(Path);
    if (It != ByConfig.end())
      return It->second;
    Setup &S = ByConfig[Path];
    if (Path.empty()) {
      S = makeSetup(nullptr);
      return S;
    }
    ConfigFile Config;
    std::string Error;
    if (!readConfigFile(Path, Known, Config, Error)) {
      S.Error = Error;
      S.Malformed = true;
    } else {
      S = makeSetup(&Config);
    }
    return S;
  }

  /// Every check enabled for at least one file, in registration order.
  std::vector<const Check *> enabledAnywhere() const {
    std::vector<const Check *> Out;
    for (const CheckInfo &Info : Known)
      for (const auto &Entry : ByConfig) {
        auto Found = llvm::find_if(Entry.second.Checks,
                                   [&](const auto &C) { return C->name() == Info.Name; });
        if (Found != Entry.second.Checks.end()) {
          Out.push_back(Found->get());
          break;
        }
      }
    return Out;
  }

private:
  std::vector<CheckInfo> Known;
  std::map<std::string, Setup> ByConfig;
};

/// Colours only on a terminal, and never when NO_COLOR is set to a non-empty
/// value (https://no-color.org).
bool useColors() {
  std::optional<std::string> NoColor = llvm::sys::Process::GetEnv("NO_COLOR");
  if (NoColor && !NoColor->empty())
    return false;
  return llvm::sys::Process::StandardOutIsDisplayed();
}

/// llvm::cl reports a bad option on several lines; one line here.
std::string oneLine(llvm::StringRef Message, llvm::StringRef Program) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Message.split(Lines, '\n', -1, false);
  std::string Out;
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    Line.consume_front((Program + ": ").str());
    if (Line.empty())
      continue;
    Out += (Out.empty() ? "" : " ") + Line.str();
  }
  return Out;
}

} // namespace

int runRacelabCheck(int Argc, const char **Argv) {
  llvm::cl::HideUnrelatedOptions(Category);
  auto Parsed = clang::tooling::CommonOptionsParser::create(Argc, Argv, Category,
                                                            llvm::cl::ZeroOrMore, Overview);
  if (!Parsed) {
    llvm::StringRef Program = llvm::sys::path::filename(Argc > 0 ? Argv[0] : "");
    llvm::errs() << "racelab-check: error: " << oneLine(llvm::toString(Parsed.takeError()), Program)
                 << '\n';
    return ExitToolError;
  }
  clang::tooling::CommonOptionsParser &Options = *Parsed;

  // Bad options stop the whole run: nothing could be checked as asked.
  if (FormatOption != "text" && FormatOption != "json" && FormatOption != "sarif") {
    llvm::errs() << "racelab-check: error: unknown --format '" << FormatOption
                 << "' (expected text, json or sarif)\n";
    return ExitToolError;
  }
  std::vector<CheckInfo> Known = knownChecks();
  std::string BadGlob = validateCheckGlobs(ChecksOption, Known);
  if (!BadGlob.empty()) {
    llvm::errs() << "racelab-check: error: --checks: " << BadGlob << '\n';
    return ExitToolError;
  }
  // --checks comes last, so a list that turns every check off wins over any
  // config file.
  if (!ChecksOption.empty() &&
      llvm::none_of(Known,
                    [](const CheckInfo &C) { return checkEnabled(C.Name, "*," + ChecksOption); })) {
    llvm::errs() << "racelab-check: error: --checks='" << ChecksOption
                 << "' enables no check (see --list-checks)\n";
    return ExitToolError;
  }
  if (!ConfigFileOption.empty()) {
    ConfigFile Config;
    std::string Error;
    if (!readConfigFile(ConfigFileOption, Known, Config, Error)) {
      llvm::errs() << "racelab-check: error: " << Error << '\n';
      return ExitToolError;
    }
  }

  Setups Configs(Known);
  if (ListChecksOption) {
    // The configuration of the first file, or of the current folder.
    llvm::SmallString<256> Where;
    if (!Options.getSourcePathList().empty())
      Where = Options.getSourcePathList().front();
    else {
      llvm::sys::fs::current_path(Where);
      llvm::sys::path::append(Where, "-");
    }
    const Setup &S = Configs.forFile(Where);
    if (S.Malformed) {
      llvm::errs() << "racelab-check: error: " << S.Error << '\n';
      return ExitToolError;
    }
    llvm::outs() << "Enabled checks:\n";
    for (const auto &C : S.Checks)
      llvm::outs() << "    " << C->name() << '\n';
    return ExitClean;
  }
  if (Options.getSourcePathList().empty()) {
    llvm::errs() << "racelab-check: error: no input files (usage: racelab-check [-p <build dir>] "
                    "<files...> [-- <compile flags>])\n";
    return ExitToolError;
  }

  FirstCommandDatabase FirstOnly(Options.getCompilations());
  const clang::tooling::CompilationDatabase &Database =
      AllCommandsOption ? Options.getCompilations()
                        : static_cast<const clang::tooling::CompilationDatabase &>(FirstOnly);

  DiagnosticSink Sink;
  bool ToolError = false;
  llvm::CrashRecoveryContext::Enable();
  for (const std::string &File : Options.getSourcePathList()) {
    if (llvm::sys::fs::is_directory(File)) {
      llvm::errs() << "racelab-check: error: cannot analyse '" << File << "': it is a directory\n";
      ToolError = true;
      continue;
    }
    if (!llvm::sys::fs::exists(File)) {
      llvm::errs() << "racelab-check: error: cannot analyse '" << File
                   << "': no such file\n";
      ToolError = true;
      continue;
    }
    const Setup &S = Configs.forFile(File);
    if (!S.Error.empty()) {
      llvm::errs() << "racelab-check: error: cannot analyse '" << File << "': " << S.Error << '\n';
      ToolError = true;
      continue;
    }
    clang::tooling::ClangTool Tool(Database, {File});
    Tool.setPrintErrorMessage(false);
    Tool.appendArgumentsAdjuster(adjustArguments);
    ErrorCollector Errors;
    Tool.setDiagnosticConsumer(&Errors);
    RacelabActionFactory Factory(S.Checks, Sink);
    int Status = 0;
    llvm::CrashRecoveryContext Recovery;
    if (!Recovery.RunSafely([&] { Status = Tool.run(&Factory); })) {
      llvm::errs() << "racelab-check: error: internal error while analysing '" << File
                   << "'; its findings may be incomplete (please report this)\n";
      ToolError = true;
      continue;
    }
    if (Errors.Errors > 0) {
      llvm::errs() << "racelab-check: error: cannot analyse '" << File
                   << "': it does not compile: " << Errors.First;
      if (Errors.Errors > 1)
        llvm::errs() << " (and " << Errors.Errors - 1 << " more error"
                     << (Errors.Errors > 2 ? "s" : "") << ")";
      llvm::errs() << '\n';
      ToolError = true;
    } else if (Status != 0) {
      llvm::errs() << "racelab-check: error: cannot analyse '" << File
                   << "': the compiler could not run on it (check its compile command)\n";
      ToolError = true;
    }
  }

  Sink.finish();
  if (FormatOption == "sarif") {
    // The tool's README sits next to docs/ (checker/README.md).
    llvm::StringRef Docs(RACELAB_CHECKER_DOCS_URL);
    llvm::StringRef Home = Docs;
    std::string Information = Home.consume_back("/docs") ? Home.str() + "/README.md" : Docs.str();
    SarifTool Tool{"racelab-check", Information, "", {}};
    for (const Check *C : Configs.enabledAnywhere())
      Tool.Rules.push_back(
          {C->name(), C->summary(),
           Docs.str() + "/" +
               llvm::StringRef(C->name()).drop_front(llvm::StringRef("racelab-").size()).str() +
               ".md"});
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    Sink.printSARIF(llvm::outs(), Tool, Cwd);
  } else if (FormatOption == "json")
    Sink.printJSON(llvm::outs());
  else
    Sink.print(llvm::outs(), useColors());
  llvm::outs().flush();
  if (ToolError)
    return ExitToolError;
  return Sink.diagnostics().empty() ? ExitClean : ExitFindings;
}

} // namespace racelab
