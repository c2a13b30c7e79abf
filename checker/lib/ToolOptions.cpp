//===- ToolOptions.cpp - racelab-check's command-line options -------------===//
//
// The options and the overview that --help prints, apart from the run that
// reads them (Tool.cpp).
//
//===----------------------------------------------------------------------===//
#include "lib/ToolOptions.h"

namespace racelab::options {

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

llvm::cl::opt<std::string> ConfigOption(
    "config",
    llvm::cl::desc("The configuration itself, as YAML or JSON text, instead of a config file:\n"
                   "--config=\"{Checks: '-*,racelab-missing-lock', WarningsAsErrors: '*'}\"\n"
                   "(keys Checks, WarningsAsErrors, HeaderFilterRegex, CheckOptions)"),
    llvm::cl::value_desc("yaml"), llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<bool> DumpConfigOption(
    "dump-config",
    llvm::cl::desc("Print the configuration in effect for the first file (or the current folder)\n"
                   "as YAML that --config and a .racelab-check file accept, and exit"),
    llvm::cl::cat(Category));

llvm::cl::opt<std::string> HeaderFilterOption(
    "header-filter",
    llvm::cl::desc("Show findings in headers only when the header's path matches this regular\n"
                   "expression (default: findings in every header are shown). Overrides the\n"
                   "configuration's HeaderFilterRegex; findings in the files named are always shown"),
    llvm::cl::value_desc("regex"), llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<std::string> WarningsAsErrorsOption(
    "warnings-as-errors",
    llvm::cl::desc("Check globs whose findings are reported as errors (error: in the text,\n"
                   "level error in JSON and SARIF). Overrides the configuration's WarningsAsErrors"),
    llvm::cl::value_desc("globs"), llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<bool> QuietOption(
    "quiet",
    llvm::cl::desc("Print no count of the findings hidden by the header filter or made errors"),
    llvm::cl::cat(Category));

llvm::cl::opt<std::string> ExportFixesOption(
    "export-fixes",
    llvm::cl::desc("Write the findings that have a fix to apply as YAML (clang-tidy's format,\n"
                   "read by clang-apply-replacements). Today: an atomic read and stored back,\n"
                   "x.store(x.load() + k), becomes x.fetch_add(k)"),
    llvm::cl::value_desc("file"), llvm::cl::init(""), llvm::cl::cat(Category));

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

llvm::cl::opt<std::string> PolicyOption(
    "policy",
    llvm::cl::desc("Also apply the grading policy of an exercise: the \"policy\" object of its\n"
                   "exercise.json (what graded code may include, call, declare). Its findings are\n"
                   "errors of kind \"policy\" from the racelab-policy-* checks"),
    llvm::cl::value_desc("exercise.json"), llvm::cl::init(""), llvm::cl::cat(Category));

llvm::cl::opt<bool> GradingOption(
    "grading",
    llvm::cl::desc("Grading mode: analyse every distinct compile command of each file, honour no\n"
                   "NOLINT comment (with --policy, report those that name racelab checks), and read\n"
                   "no .racelab-check file from the graded folders"),
    llvm::cl::cat(Category));

llvm::cl::opt<std::string> StudentDirOption(
    "student-dir",
    llvm::cl::desc("With --policy: the student's folder (default: the folder of each source file)"),
    llvm::cl::init(""), llvm::cl::cat(Category));

const char Overview[] =
    "racelab-check: finds concurrency mistakes in C++ before anything runs.\n\n"
    "  racelab-check [options] [-p <build dir>] <files...> [-- <compile flags>]\n\n"
    "Exit status: 0 no finding, 1 findings, 2 tool error (missing file, compile\n"
    "errors, bad options or config file). Silence one finding with\n"
    "// NOLINT(racelab-<check>). Configuration: the nearest .racelab-check above\n"
    "each file (Checks, WarningsAsErrors, HeaderFilterRegex, CheckOptions), or the\n"
    "one given by --config or --config-file, overridden by the options.\n";

} // namespace racelab::options
