//===- Tool.cpp - parse each file once, run the checks, report ------------===//
#include "lib/Tool.h"

#include "lib/Check.h"
#include "lib/CompileCommands.h"
#include "lib/Config.h"
#include "lib/Diagnostics.h"
#include "lib/Fixes.h"
#include "lib/SarifLog.h"
#include "lib/Setups.h"
#include "lib/ToolOptions.h"
#include "policy/Policy.h"
#include "policy/PolicyRunner.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
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
#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0.0.0"
#endif

namespace racelab {

namespace {

using namespace options;

/// The run's tool errors, as printed: a SARIF log lists them, so that a run
/// that could not look does not read as a clean one.
std::vector<std::string> ToolErrors;

/// Findings in headers the header filter hid (counted for the summary).
size_t HiddenByHeaderFilter = 0;

/// Prints "racelab-check: error: <Message>" and remembers it.
void toolError(const llvm::Twine &Message) {
  ToolErrors.push_back(Message.str());
  llvm::errs() << "racelab-check: error: " << ToolErrors.back() << '\n';
}

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

/// One source file's analysis: the enabled checks, and the grading policy
/// when there is one (null otherwise).
struct FileAnalysis {
  const std::vector<std::unique_ptr<Check>> &Checks;
  policy::PolicyRunner *Policy;
  std::string File; ///< as given on the command line
  DiagnosticSink &Sink;
};

class RacelabAction : public clang::ASTFrontendAction {
public:
  explicit RacelabAction(const FileAnalysis &A) : A(A) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef) override {
    std::vector<std::unique_ptr<clang::ASTConsumer>> Consumers;
    if (!A.Checks.empty())
      Consumers.push_back(std::make_unique<RacelabConsumer>(A.Checks, A.Sink));
    if (A.Policy)
      Consumers.push_back(A.Policy->beginTranslationUnit(CI, A.File, A.Sink));
    if (Consumers.size() == 1)
      return std::move(Consumers.front());
    return std::make_unique<clang::MultiplexConsumer>(std::move(Consumers));
  }

private:
  const FileAnalysis &A;
};

class RacelabActionFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit RacelabActionFactory(const FileAnalysis &A) : A(A) {}
  std::unique_ptr<clang::FrontendAction> create() override { return std::make_unique<RacelabAction>(A); }

private:
  const FileAnalysis &A;
};

/// clang's builtin headers where the tool was built, unless the command
/// names its own; no warnings (-Werror must not stop the analysis).
clang::tooling::CommandLineArguments adjustArguments(const clang::tooling::CommandLineArguments &Args,
                                                     llvm::StringRef) {
  clang::tooling::CommandLineArguments Out = Args;
  bool HasResourceDir = llvm::any_of(Args, [](const std::string &A) {
    return llvm::StringRef(A).starts_with("-resource-dir");
  });
  if (!HasResourceDir && !Out.empty() && *RACELAB_CLANG_RESOURCE_DIR)
    Out.insert(Out.begin() + 1, std::string("-resource-dir=") + RACELAB_CLANG_RESOURCE_DIR);
  Out.push_back("-w");
  Out.push_back("-fno-caret-diagnostics"); // no "N errors generated." on stderr
  return Out;
}

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

/// "" if \p Option, when given, names something; else the error saying what
/// it takes.
std::string namesSomething(const llvm::cl::opt<std::string> &Option, llvm::StringRef What,
                           llvm::StringRef Placeholder) {
  if (!Option.getNumOccurrences() || !Option.empty())
    return "";
  return ("--" + Option.ArgStr + ": no " + What + " named (--" + Option.ArgStr + "=<" + Placeholder + ">)").str();
}

/// Checks the options that stop the whole run when wrong (nothing could be
/// checked as asked); prints the one-line error and returns false.
bool validOptions(const std::vector<CheckInfo> &Known) {
  auto Fail = [](const llvm::Twine &Message) {
    toolError(Message);
    return false;
  };
  if (FormatOption != "text" && FormatOption != "json" && FormatOption != "sarif")
    return Fail("unknown --format '" + FormatOption + "' (expected text, json or sarif)");
  // A judge that forgot its policy file must not grade without one.
  for (std::string Missing : {namesSomething(PolicyOption, "policy file", "exercise.json"),
                              namesSomething(ConfigFileOption, "config file", "file"),
                              namesSomething(ExportFixesOption, "file", "file")})
    if (!Missing.empty())
      return Fail(Missing);
  if (ConfigOption.getNumOccurrences() && ConfigFileOption.getNumOccurrences())
    return Fail("--config and --config-file both give the configuration (use one of them)");
  std::string BadGlob = validateCheckGlobs(ChecksOption, Known);
  if (!BadGlob.empty())
    return Fail("--checks: " + BadGlob);
  // --checks comes last, so a list that turns every check off wins over any
  // config file; with a policy, its own checks still run.
  if (!ChecksOption.empty() && PolicyOption.empty() &&
      llvm::none_of(Known, [](const CheckInfo &C) { return checkEnabled(C.Name, "*," + ChecksOption); }))
    return Fail("--checks='" + ChecksOption + "' enables no check (see --list-checks)");
  if (std::string Bad = validateCheckGlobs(WarningsAsErrorsOption, Known); !Bad.empty())
    return Fail("--warnings-as-errors: " + Bad);
  if (std::string Bad = validateHeaderFilter(HeaderFilterOption); !Bad.empty())
    return Fail("--header-filter: " + Bad);
  if (!StudentDirOption.empty() && !llvm::sys::fs::is_directory(StudentDirOption))
    return Fail("--student-dir: '" + StudentDirOption + "' is not a folder");
  return true;
}

/// What the command line says of the configuration; nothing (the error
/// printed) when --config or --config-file cannot be read.
std::optional<CommandLineSettings> settings(const std::vector<CheckInfo> &Known) {
  CommandLineSettings S;
  S.Checks = ChecksOption;
  if (WarningsAsErrorsOption.getNumOccurrences())
    S.WarningsAsErrors = WarningsAsErrorsOption.getValue();
  if (HeaderFilterOption.getNumOccurrences())
    S.HeaderFilter = HeaderFilterOption.getValue();
  if (BlockingFunctionsOption.getNumOccurrences())
    S.Options["racelab-blocking-in-coroutine.BlockingFunctions"] = BlockingFunctionsOption;
  S.Grading = GradingOption;
  S.HasPolicy = !PolicyOption.empty();
  std::string Error;
  if (ConfigOption.getNumOccurrences()) {
    S.Config.emplace();
    if (!parseConfigFile(ConfigOption, "--config", Known, *S.Config, Error)) {
      toolError("--config: " + Error);
      return std::nullopt;
    }
  } else if (!ConfigFileOption.empty()) {
    S.Config.emplace();
    if (!readConfigFile(ConfigFileOption, Known, *S.Config, Error)) {
      toolError(Error);
      return std::nullopt;
    }
  }
  return S;
}

/// The grading policy of --policy, or null without one; \p Error is set when
/// the policy file cannot be used.
std::unique_ptr<policy::PolicyRunner> makePolicy(const std::vector<CheckInfo> &Known, std::string &Error) {
  if (PolicyOption.empty())
    return nullptr;
  policy::Policy Rules;
  if (!policy::readPolicyFile(PolicyOption, Rules, Error))
    return nullptr;
  policy::PolicyOptions Options;
  Options.Grading = GradingOption;
  for (const CheckInfo &C : Known)
    Options.ConcurrencyChecks.push_back(C.Name);
  llvm::SmallString<256> StudentDir(StudentDirOption);
  if (!StudentDir.empty())
    llvm::sys::fs::make_absolute(StudentDir);
  return std::make_unique<policy::PolicyRunner>(std::move(Rules), std::move(Options), StudentDir.str().str());
}

/// The setup of the first file (or of the current folder); null, the error
/// printed, when its config file is malformed.
const Setup *firstSetup(Setups &Configs, llvm::ArrayRef<std::string> Files) {
  llvm::SmallString<256> Where;
  if (!Files.empty())
    Where = Files.front();
  else {
    llvm::sys::fs::current_path(Where);
    llvm::sys::path::append(Where, "-");
  }
  const Setup &S = Configs.forFile(Where);
  if (S.Malformed) {
    toolError(S.Error);
    return nullptr;
  }
  return &S;
}

/// --dump-config: the merged configuration of the first file, as a config file.
int dumpConfig(Setups &Configs, llvm::ArrayRef<std::string> Files) {
  const Setup *S = firstSetup(Configs, Files);
  if (!S)
    return ExitToolError;
  ConfigFile Shown = S->Effective;
  Shown.Checks = Shown.Checks.value_or("racelab-*");
  writeConfigFile(llvm::outs(), Shown);
  return ExitClean;
}

/// --list-checks: those of the config file of the first file (or of the
/// current folder), then the policy's.
int listChecks(Setups &Configs, llvm::ArrayRef<std::string> Files, const policy::PolicyRunner *Policy) {
  const Setup *S = firstSetup(Configs, Files);
  if (!S)
    return ExitToolError;
  llvm::outs() << "Enabled checks:\n";
  for (const auto &C : S->Checks)
    llvm::outs() << "    " << C->name() << '\n';
  if (Policy) {
    llvm::outs() << "Policy checks (--policy):\n";
    for (const auto &C : Policy->checks())
      llvm::outs() << "    " << C->name() << '\n';
  }
  return ExitClean;
}

/// Analyses \p File under every command \p Database gives for it; prints its
/// tool errors; returns false on one.
bool analyseFile(const std::string &File, const clang::tooling::CompilationDatabase &Database,
                 Setups &Configs, DiagnosticSink &Sink, policy::PolicyRunner *Policy) {
  auto Fail = [&](const llvm::Twine &Why) {
    toolError("cannot analyse '" + File + "': " + Why);
    return false;
  };
  if (llvm::sys::fs::is_directory(File))
    return Fail("it is a directory");
  if (!llvm::sys::fs::exists(File))
    return Fail("no such file");
  const Setup &S = Configs.forFile(File);
  if (!S.Error.empty())
    return Fail(S.Error);
  size_t Before = Sink.diagnostics().size();
  ErrorCollector Errors;
  // Absolute now: the tool runs each command in its own working directory.
  llvm::SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  FileAnalysis Analysis{S.Checks, Policy, Absolute.str().str(), Sink};
  RacelabActionFactory Factory(Analysis);
  // One compile command per ClangTool run: a run over several announces each
  // on stderr (LLVM 19 and later).
  size_t Runs = std::max<size_t>(1, Database.getCompileCommands(File).size());
  int Status = 0;
  bool Crashed = false;
  for (size_t N = 0; N < Runs && !Crashed; ++N) {
    NthCommandDatabase One(Database, N);
    clang::tooling::ClangTool Tool(One, {File});
    Tool.setPrintErrorMessage(false);
    Tool.appendArgumentsAdjuster(adjustArguments);
    Tool.setDiagnosticConsumer(&Errors);
    llvm::CrashRecoveryContext Recovery;
    Crashed = !Recovery.RunSafely([&] { Status |= Tool.run(&Factory); });
  }
  if (Crashed) {
    toolError("internal error while analysing '" + File +
              "'; its findings may be incomplete (please report this)");
    return false;
  }
  if (Policy)
    Policy->endFile(Sink);
  HiddenByHeaderFilter += Sink.keepFrom(Before, [&](Diagnostic &D) {
    bool Main = D.Where.File == Analysis.File || llvm::sys::fs::equivalent(D.Where.File, Analysis.File);
    return S.admit(D, Main);
  });
  if (Errors.Errors > 0) {
    std::string More = Errors.Errors == 1 ? ""
                       : " (and " + std::to_string(Errors.Errors - 1) + " more error" +
                             (Errors.Errors > 2 ? "s" : "") + ")";
    return Fail("it does not compile: " + Errors.First + More);
  }
  if (Status != 0)
    return Fail("the compiler could not run on it (check its compile command)");
  return true;
}

/// Prints every finding in the format asked for.
void printFindings(const DiagnosticSink &Sink, const Setups &Configs, const policy::PolicyRunner *Policy,
                   llvm::ArrayRef<std::string> Files) {
  if (FormatOption == "json")
    return Sink.printJSON(llvm::outs());
  if (FormatOption != "sarif")
    return Sink.print(llvm::outs(), useColors());
  SarifRun Run;
  for (const Check *C : Configs.enabledAnywhere())
    Run.Rules.push_back({C->name(), C->summary()});
  if (Policy)
    for (const auto &C : Policy->checks())
      Run.Rules.push_back({C->name(), C->summary()});
  Run.SourceRoot = sourceRoot(Files.empty() ? std::string("-") : Files.front());
  Run.ToolErrors = ToolErrors;
  printSarifLog(llvm::outs(), Sink.diagnostics(), Run);
}

/// As clang-tidy does without --quiet: on stderr, how many findings the
/// header filter hid and how many warnings were made errors.
void printCounts(const DiagnosticSink &Sink) {
  auto Plural = [](size_t N, llvm::StringRef One) { return std::to_string(N) + " " + One.str() + (N == 1 ? "" : "s"); };
  if (HiddenByHeaderFilter)
    llvm::errs() << "Hid " << Plural(HiddenByHeaderFilter, "finding") << " in headers that the header filter "
                 << "does not match (--header-filter='.*' shows them).\n";
  size_t Errors = llvm::count_if(Sink.diagnostics(),
                                 [](const Diagnostic &D) { return D.AsError && !isPolicyCheck(D.Check); });
  if (Errors)
    llvm::errs() << Plural(Errors, "warning") << " treated as errors (--warnings-as-errors).\n";
}

/// A run stopped before any analysis (bad options, no file): with
/// --format=sarif, a log that says so all the same.
int finishWithoutAnalysis() {
  if (FormatOption == "sarif") {
    SarifRun Run;
    Run.SourceRoot = sourceRoot("-");
    Run.ToolErrors = ToolErrors;
    printSarifLog(llvm::outs(), {}, Run);
  }
  return ExitToolError;
}

/// Parses the command line; on a bad one, prints the one-line error and
/// returns nothing.
std::optional<clang::tooling::CommonOptionsParser> parseCommandLine(int Argc, const char **Argv) {
  llvm::cl::HideUnrelatedOptions(Category);
  // Ours, not LLVM's: which racelab, and which Clang parses the code.
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "racelab-check " << RACELAB_VERSION << "\n  built with the libraries of Clang " << CLANG_VERSION_STRING
       << " (compiled by " << __VERSION__ << ")\n";
  });
  auto Parsed = clang::tooling::CommonOptionsParser::create(Argc, Argv, Category,
                                                            llvm::cl::ZeroOrMore, Overview);
  if (!Parsed) {
    llvm::StringRef Program = llvm::sys::path::filename(Argc > 0 ? Argv[0] : "");
    llvm::errs() << "racelab-check: error: " << oneLine(llvm::toString(Parsed.takeError()), Program)
                 << '\n';
    return std::nullopt;
  }
  return std::move(*Parsed);
}

/// Analyses every file of \p Options, prints the findings; returns the exit
/// status.
int analyseAll(clang::tooling::CommonOptionsParser &Options, Setups &Configs,
               policy::PolicyRunner *Policy) {
  // By default a file built twice (plain and with -fsanitize=thread) is
  // parsed once; grading reads every distinct build of it.
  NthCommandDatabase FirstOnly(Options.getCompilations(), 0);
  DistinctCommandDatabase Every(Options.getCompilations());
  const clang::tooling::CompilationDatabase &Database =
      AllCommandsOption || GradingOption
          ? static_cast<const clang::tooling::CompilationDatabase &>(Every)
          : static_cast<const clang::tooling::CompilationDatabase &>(FirstOnly);

  DiagnosticSink Sink;
  Sink.honourNolint(!GradingOption);
  bool ToolError = false;
  llvm::CrashRecoveryContext::Enable();
  for (const std::string &File : Options.getSourcePathList())
    ToolError |= !analyseFile(File, Database, Configs, Sink, Policy);
  if (Policy)
    Policy->finish(Sink);

  Sink.finish();
  printFindings(Sink, Configs, Policy, Options.getSourcePathList());
  llvm::outs().flush();
  if (!QuietOption)
    printCounts(Sink);
  std::string Error;
  if (!ExportFixesOption.empty() &&
      !exportFixes(ExportFixesOption, Sink.diagnostics(), Options.getSourcePathList().front(), Error)) {
    toolError("--export-fixes: cannot write '" + ExportFixesOption + "': " + Error);
    ToolError = true;
  }
  if (ToolError)
    return ExitToolError;
  return Sink.diagnostics().empty() ? ExitClean : ExitFindings;
}

} // namespace

int runRacelabCheck(int Argc, const char **Argv) {
  std::optional<clang::tooling::CommonOptionsParser> Options = parseCommandLine(Argc, Argv);
  if (!Options)
    return ExitToolError;
  std::vector<CheckInfo> Known = knownChecks();
  if (!validOptions(Known))
    return finishWithoutAnalysis();
  std::string PolicyError;
  std::unique_ptr<policy::PolicyRunner> Policy = makePolicy(Known, PolicyError);
  if (!PolicyError.empty()) {
    toolError("--policy: " + PolicyError);
    return finishWithoutAnalysis();
  }

  std::optional<CommandLineSettings> Settings = settings(Known);
  if (!Settings)
    return finishWithoutAnalysis();
  Setups Configs(Known, std::move(*Settings));
  if (DumpConfigOption)
    return dumpConfig(Configs, Options->getSourcePathList());
  if (ListChecksOption)
    return listChecks(Configs, Options->getSourcePathList(), Policy.get());
  if (Options->getSourcePathList().empty()) {
    toolError("no input files (usage: racelab-check [-p <build dir>] <files...> [-- <compile flags>])");
    return finishWithoutAnalysis();
  }
  return analyseAll(*Options, Configs, Policy.get());
}

} // namespace racelab
