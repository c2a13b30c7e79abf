#pragma once
/// \file
/// The processes below the runner, read from /proc: counted, measured and
/// killed as one tree, whatever session or group they moved to.

#include <sys/types.h>

#include <cstdint>
#include <vector>

namespace racelab::lab {

/// One process seen in /proc.
struct ProcessEntry {
  pid_t pid = 0;
  pid_t parent = 0;
  bool zombie = false;
  /// Already on its way out (exiting, or killed and not yet gone): the
  /// sandbox's own processes are caught so as the program's run ends.
  bool dying = false;
};

/// Every descendant of `root` (not `root` itself), zombies included. As the
/// runner is a subreaper, orphans of the program are re-parented to it and
/// stay in this tree.
std::vector<ProcessEntry> descendants_of(pid_t root);

/// The processes of `tree` still alive.
int count_alive(const std::vector<ProcessEntry>& tree);

/// Resident bytes of the processes in `tree`.
std::uintmax_t resident_bytes(const std::vector<ProcessEntry>& tree);

/// Kills every process below `runner` until none is left alive; a fork bomb's
/// new children are caught by the next round. Returns how many processes
/// other than `program` it killed.
int kill_tree(pid_t runner, pid_t program);

}  // namespace racelab::lab
