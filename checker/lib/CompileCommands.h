//===- CompileCommands.h - which compile commands of a file to analyse -*- C++ -*-===//
//
// A file the build compiles several times (the plain build, its TSan twin, the
// self-test's copies) appears in the compilation database once per command.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_COMPILECOMMANDS_H
#define RACELAB_CHECKER_LIB_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace racelab {

/// Only the Nth compile command of each file: a file built twice (plain and
/// with -fsanitize=thread) is parsed once, unless --all-compile-commands.
class NthCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  NthCommandDatabase(const clang::tooling::CompilationDatabase &Inner, size_t N)
      : Inner(Inner), N(N) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    auto Commands = Inner.getCompileCommands(File);
    if (Commands.size() > N)
      return {Commands[N]};
    return {};
  }
  std::vector<std::string> getAllFiles() const override { return Inner.getAllFiles(); }

private:
  const clang::tooling::CompilationDatabase &Inner;
  size_t N;
};

/// Every compile command of a file, each distinct one once: the graders'
/// several targets (the student's test, its TSan twin, the self-test's copies)
/// repeat the same command with another output file.
class DistinctCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit DistinctCommandDatabase(const clang::tooling::CompilationDatabase &Inner)
      : Inner(Inner) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    std::vector<clang::tooling::CompileCommand> Out;
    std::vector<std::vector<std::string>> Seen;
    for (clang::tooling::CompileCommand &C : Inner.getCompileCommands(File)) {
      std::vector<std::string> Key = withoutOutput(C.CommandLine);
      if (llvm::is_contained(Seen, Key))
        continue;
      Seen.push_back(std::move(Key));
      Out.push_back(std::move(C));
    }
    return Out;
  }
  std::vector<std::string> getAllFiles() const override { return Inner.getAllFiles(); }

private:
  static std::vector<std::string> withoutOutput(const std::vector<std::string> &Args) {
    std::vector<std::string> Out;
    for (size_t I = 0; I < Args.size(); ++I) {
      if (Args[I] == "-o") {
        ++I;
        continue;
      }
      if (!llvm::StringRef(Args[I]).starts_with("-o"))
        Out.push_back(Args[I]);
    }
    return Out;
  }

  const clang::tooling::CompilationDatabase &Inner;
};

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_COMPILECOMMANDS_H
