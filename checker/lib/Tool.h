//===- Tool.h - the racelab-check driver -----------------------------------===//
#ifndef RACELAB_CHECKER_LIB_TOOL_H
#define RACELAB_CHECKER_LIB_TOOL_H

namespace racelab {

/// Exit statuses of racelab-check.
enum ExitStatus {
  ExitClean = 0,     ///< analysed everything, no finding
  ExitFindings = 1,  ///< analysed everything, at least one finding
  ExitToolError = 2, ///< a file is missing, does not compile, or bad options
};

/// Runs racelab-check on its command line:
///   racelab-check [options] [-p <build dir>] <files…> [-- <compile flags>]
/// Findings go to stdout, tool errors to stderr; returns an ExitStatus.
int runRacelabCheck(int Argc, const char **Argv);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_TOOL_H
