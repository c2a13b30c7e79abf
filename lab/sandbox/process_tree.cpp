#include "sandbox/process_tree.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>

namespace racelab::lab {
namespace {

/// PF_EXITING in the flags field of /proc/<pid>/stat (include/linux/sched.h).
constexpr unsigned long exiting_flag = 0x4;

/// Whether SIGKILL waits in the process's own or shared pending set
/// (/proc/<pid>/status, SigPnd and ShdPnd, hexadecimal masks).
bool kill_pending(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  const unsigned long long kill_bit = 1ULL << (SIGKILL - 1);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("SigPnd:", 0) != 0 && line.rfind("ShdPnd:", 0) != 0) continue;
    try {
      if (std::stoull(line.substr(7), nullptr, 16) & kill_bit) return true;
    } catch (const std::exception&) {
      return false;  // not a mask: nothing is known to be pending
    }
  }
  return false;
}

/// Every process in /proc, with its parent. The name field of /proc/<pid>/stat
/// may hold spaces and parentheses, so the fields are read after its last ')'.
std::vector<ProcessEntry> list_processes() {
  std::vector<ProcessEntry> entries;
  std::error_code ec;
  // increment(ec), not ++: a process may vanish while /proc is being listed.
  for (std::filesystem::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
    const auto& dir = *it;
    const auto name = dir.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(dir.path() / "stat");
    std::string stat;
    if (!std::getline(in, stat)) continue;  // gone since the directory was listed
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 1));
    char state = '?';
    long parent = 0, group = 0, session = 0, tty = 0, terminal_group = 0;
    unsigned long flags = 0;
    fields >> state >> parent >> group >> session >> tty >> terminal_group >> flags;
    const auto pid = static_cast<pid_t>(std::stol(name));
    entries.push_back({pid, static_cast<pid_t>(parent), state == 'Z' || state == 'X',
                       (flags & exiting_flag) != 0 || kill_pending(pid)});
  }
  return entries;
}

/// Reaps the runner's own dead children other than `keep` (the program,
/// which Boost.Process waits for): killed orphans must not stay zombies.
void reap_orphans(const std::vector<ProcessEntry>& tree, pid_t runner, pid_t keep) {
  for (const auto& entry : tree) {
    if (entry.parent == runner && entry.pid != keep) ::waitpid(entry.pid, nullptr, WNOHANG);
  }
}

}  // namespace

/// Every descendant of `root` (not `root` itself), zombies included. As the
/// runner is a subreaper, orphans of the program are re-parented to it and
/// stay in this tree, whatever session or group they moved to.
std::vector<ProcessEntry> descendants_of(pid_t root) {
  const auto all = list_processes();
  std::vector<ProcessEntry> found;
  std::vector<pid_t> frontier{root};
  while (!frontier.empty()) {
    const pid_t parent = frontier.back();
    frontier.pop_back();
    for (const auto& entry : all) {
      if (entry.parent == parent && entry.pid != root) {
        found.push_back(entry);
        frontier.push_back(entry.pid);
      }
    }
  }
  return found;
}

int count_alive(const std::vector<ProcessEntry>& tree) {
  return static_cast<int>(std::count_if(tree.begin(), tree.end(), [](const auto& e) { return !e.zombie; }));
}

/// Resident bytes of the processes in `tree` (/proc/<pid>/statm, second field).
std::uintmax_t resident_bytes(const std::vector<ProcessEntry>& tree) {
  static const auto page = static_cast<std::uintmax_t>(::sysconf(_SC_PAGESIZE));
  std::uintmax_t total = 0;
  for (const auto& entry : tree) {
    if (entry.zombie) continue;
    std::ifstream in("/proc/" + std::to_string(entry.pid) + "/statm");
    std::uintmax_t size = 0, resident = 0;
    if (in >> size >> resident) total += resident * page;
  }
  return total;
}

/// Kills every process below the runner until none is left alive; a fork
/// bomb's new children are caught by the next round. Returns how many
/// processes other than `program` it killed.
int kill_tree(pid_t runner, pid_t program) {
  std::set<pid_t> killed;
  for (int round = 0; round < 500; ++round) {
    const auto tree = descendants_of(runner);
    reap_orphans(tree, runner, program);
    if (count_alive(tree) == 0) break;
    for (const auto& entry : tree) {
      if (entry.zombie) continue;
      ::kill(entry.pid, SIGKILL);
      // Counted only when it would have lived on: a process already dying
      // (the sandbox's own, ending with the program) was left behind by no one.
      if (entry.pid != program && !entry.dying) killed.insert(entry.pid);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(round < 10 ? 1 : 10));
  }
  return static_cast<int>(killed.size());
}

}  // namespace racelab::lab
