#pragma once
/// \file
/// Running a program under limits (time, CPU, memory, processes, output),
/// with its output captured and capped. Knows nothing of racelab.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

class Channel;

/// What to run and under which limits.
struct RunRequest {
  std::vector<std::string> command;              ///< program, then its arguments
  std::chrono::milliseconds time_limit{60'000};  ///< wall clock; the whole process group is killed after it
  /// stdout and stderr, merged, land here: a file created afresh (whatever stood at the name is
  /// removed, never opened), read back through its descriptor, not its name
  std::filesystem::path output_file;
  std::size_t output_shown = 64 * 1024;          ///< bytes of it kept in RunResult::output
  std::uintmax_t output_limit = 8u << 20;        ///< RLIMIT_FSIZE of the child: a flood stops here
  bool disable_aslr = false;                     ///< personality(ADDR_NO_RANDOMIZE) before exec
  std::map<std::string, std::string> set_env;    ///< added to (or replacing) the inherited environment
  std::vector<std::string> unset_env;            ///< removed from the inherited environment
  // Limits on the program and everything it starts (0: no limit). The judges
  // set them from the course file; `racelab grade` running ctest does not.
  std::chrono::seconds cpu_limit{0};             ///< RLIMIT_CPU of each process: SIGXCPU past it
  std::uintmax_t memory_limit = 0;               ///< bytes resident in the whole tree, polled; killed past it
  int process_limit = 0;                         ///< processes alive at once in the tree; killed past it
  /// Pipes the program inherits (under the write end's own number) and writes its
  /// results into; read while it runs, finished once it and its tree have ended.
  std::vector<Channel*> channels;
  /// Run it in the sandbox (sandbox/isolation.hpp) when this machine can; the folders
  /// in `writable` are the only ones it may write to, besides a private /tmp.
  bool isolate = false;
  std::vector<std::filesystem::path> writable;
  /// Folders under the private /tmp the program must still read (say, the judge's
  /// TSan suppressions), shown to it read-only.
  std::vector<std::filesystem::path> readable;
};

/// How the program ended, and what it wrote.
struct RunResult {
  bool timed_out = false;
  std::optional<int> exit_code;  ///< set when it exited normally
  std::optional<int> signal;     ///< set when a signal ended it (SIGKILL after a time-out included)
  std::chrono::milliseconds elapsed{0};
  std::string output;            ///< the first `shown` bytes, then a "[… N more bytes not shown]" line
  std::uintmax_t output_bytes = 0;  ///< everything it wrote, shown or not
  /// Set when a limit other than time ended the run, in plain words:
  /// "killed: more than 64 processes alive at once (a fork that never ends?)".
  std::string limit_exceeded;
  /// Processes of the tree still alive after the program ended, killed by the runner.
  int leftovers_killed = 0;
  /// The program ran in the sandbox; when it was asked for and could not, why not.
  bool isolated = false;
  std::string not_isolated_why;

  [[nodiscard]] bool exited_with(int code) const { return exit_code && *exit_code == code; }
  /// "exit code 3", "signal SIGSEGV (segmentation fault)", "timed out".
  [[nodiscard]] std::string describe() const;
};

/// The program could not be started at all (not found, not executable…).
struct RunError {
  std::string message;
};

/// Runs `request`; throws `RunError` when the program cannot be started.
/// The caller becomes a child subreaper (PR_SET_CHILD_SUBREAPER), so that
/// nothing the program starts, not even a process that called setsid(), can
/// outlive the run: the whole tree is killed at the time limit, past a limit
/// and after the program exits. Not for concurrent use within one process.
RunResult run_process(const RunRequest& request);

}  // namespace racelab::lab
