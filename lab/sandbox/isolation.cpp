#include "sandbox/isolation.hpp"

#include <boost/process/child.hpp>
#include <boost/process/io.hpp>
#include <boost/process/search_path.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace bp = boost::process;

namespace racelab::lab {
namespace {

std::string bwrap_path() {
  const auto found = bp::search_path("bwrap");
  return found.empty() ? std::string() : found.string();
}

SandboxState probe() {
  if (bwrap_path().empty()) return {false, "bubblewrap (bwrap) is not installed"};
  const auto command = isolated_command({"/bin/true"}, {});
  std::error_code ec;
  bp::child probe(command.front(), std::vector<std::string>(command.begin() + 1, command.end()),
                  bp::std_out > bp::null, bp::std_err > bp::null, bp::std_in < bp::null, ec);
  if (ec) return {false, "bubblewrap could not be started: " + ec.message()};
  probe.wait(ec);
  if (ec || probe.exit_code() != 0) {
    return {false, "bubblewrap cannot create namespaces here (user namespaces are refused, as in a container "
                   "with the default seccomp profile)"};
  }
  return {true, {}};
}

/// The folders right under /tmp that hold a path the command names (its
/// program, `--opt=/tmp/…` values, the current folder): the private /tmp
/// hides them otherwise, and a build or a workspace may well live there.
std::vector<std::filesystem::path> tmp_roots_named(const std::vector<std::string>& command) {
  std::error_code no_folder;  // a current folder that was removed names nothing
  std::vector<std::string> paths{std::filesystem::current_path(no_folder).string()};
  for (const auto& word : command) {
    const auto at = word.find("/tmp/");
    if (at == 0 || (at != std::string::npos && word[at - 1] == '=')) paths.push_back(word.substr(at));
  }
  std::vector<std::filesystem::path> roots;
  for (const auto& path : paths) {
    if (path.rfind("/tmp/", 0) != 0) continue;
    const auto end = path.find('/', 5);
    const std::filesystem::path root = path.substr(0, end);
    std::error_code error;
    if (root != "/tmp/" && std::filesystem::is_directory(root, error) &&
        std::find(roots.begin(), roots.end(), root) == roots.end()) {
      roots.push_back(root);
    }
  }
  return roots;
}

}  // namespace

const SandboxState& sandbox_state() {
  // The variable is read on every call (a test may set it), the machine probed once.
  static const SandboxState off{false, std::string(sandbox_variable) + "=off"};
  if (const char* setting = std::getenv(sandbox_variable); setting != nullptr && std::string_view(setting) == "off") {
    return off;
  }
  static const SandboxState probed = probe();
  return probed;
}

std::vector<std::string> isolated_command(const std::vector<std::string>& command,
                                          const std::vector<std::filesystem::path>& writable,
                                          const std::vector<std::filesystem::path>& readable) {
  std::vector<std::string> wrapped{bwrap_path(),
                                   // Killed with the judge; no terminal to type into (TIOCSTI).
                                   "--die-with-parent", "--new-session",
                                   // New user, IPC, PID, network, UTS and cgroup namespaces: no network.
                                   "--unshare-all",
                                   // Everything read-only: the tools, the kit, the build, other submissions.
                                   "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                                   // A private, empty /tmp and shared memory.
                                   "--tmpfs", "/tmp", "--tmpfs", "/dev/shm", "--setenv", "TMPDIR", "/tmp"};
  for (const auto& folder : tmp_roots_named(command)) {
    wrapped.insert(wrapped.end(), {"--ro-bind", folder.string(), folder.string()});
  }
  for (const auto& folder : readable) {
    wrapped.insert(wrapped.end(), {"--ro-bind", folder.string(), folder.string()});
  }
  for (const auto& folder : writable) {
    wrapped.insert(wrapped.end(), {"--bind", folder.string(), folder.string()});
  }
  wrapped.push_back("--");
  wrapped.insert(wrapped.end(), command.begin(), command.end());
  return wrapped;
}

std::string not_isolated_note(const std::string& why_not) {
  return "note: not isolated — this program ran without the sandbox (" + why_not +
         "), with the grader's own access to files and network; the verdict still comes from the judge's own "
         "checks, but a program that attacks the grader was not contained.";
}

}  // namespace racelab::lab
