//===- ToolOptions.h - racelab-check's command-line options ---*- C++ -*-===//
//
// Each option of racelab-check, as llvm::cl declares it; read by the run in
// Tool.cpp. Their help texts live beside their definitions in ToolOptions.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_TOOLOPTIONS_H
#define RACELAB_CHECKER_LIB_TOOLOPTIONS_H

#include "llvm/Support/CommandLine.h"

#include <string>

namespace racelab::options {

extern llvm::cl::OptionCategory Category;

extern llvm::cl::opt<std::string> ChecksOption;
extern llvm::cl::opt<std::string> ConfigFileOption;
extern llvm::cl::opt<std::string> ConfigOption;
extern llvm::cl::opt<bool> DumpConfigOption;
extern llvm::cl::opt<std::string> HeaderFilterOption;
extern llvm::cl::opt<std::string> WarningsAsErrorsOption;
extern llvm::cl::opt<bool> QuietOption;
extern llvm::cl::opt<std::string> ExportFixesOption;
extern llvm::cl::opt<std::string> FormatOption;
extern llvm::cl::opt<std::string> BlockingFunctionsOption;
extern llvm::cl::opt<bool> ListChecksOption;
extern llvm::cl::opt<bool> AllCommandsOption;
extern llvm::cl::opt<std::string> PolicyOption;
extern llvm::cl::opt<bool> GradingOption;
extern llvm::cl::opt<std::string> StudentDirOption;

/// What --help prints above the options.
extern const char Overview[];

} // namespace racelab::options

#endif
