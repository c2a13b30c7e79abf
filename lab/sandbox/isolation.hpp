#pragma once
/// \file
/// Running a program where it can reach nothing that decides its grade:
/// bubblewrap (`bwrap`) gives it new user, mount, PID, IPC, UTS and network
/// namespaces in which the whole file system is read-only, `/tmp` is private
/// and empty, there is no network, and only the folders named are writable.
///
/// Where bwrap cannot start (not installed, or user namespaces refused, as in
/// a Docker container with the default seccomp profile), or when the
/// environment says `RACELAB_SANDBOX=off`, the program runs as before, without
/// isolation, and the caller is told why so the report can say so.

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// The variable that turns isolation off (value `off`): for tests of the fallback,
/// and for machines where bwrap misbehaves.
inline constexpr const char* sandbox_variable = "RACELAB_SANDBOX";

/// Whether programs can be isolated here: bwrap is probed once per process, the
/// variable read on every call.
struct SandboxState {
  bool available = false;
  std::string why_not;  ///< plain words, when not available
};
const SandboxState& sandbox_state();

/// `command` wrapped in bwrap, with `writable` folders bound read-write (each must exist).
std::vector<std::string> isolated_command(const std::vector<std::string>& command,
                                          const std::vector<std::filesystem::path>& writable,
                                          const std::vector<std::filesystem::path>& readable = {});

/// The sentence a judge prints when a program ran without isolation.
std::string not_isolated_note(const std::string& why_not);

}  // namespace racelab::lab
