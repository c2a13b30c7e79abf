#include "sandbox/process.hpp"

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/env.hpp>
#include <boost/process/environment.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/group.hpp>
#include <boost/process/io.hpp>
#include <boost/process/search_path.hpp>

#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace bp = boost::process;

namespace racelab::lab {
namespace {

/// Runs in the child between fork and exec: caps file size and CPU time,
/// optionally turns off address-space randomisation. Only async-signal-safe calls here.
struct ChildLimits : bp::extend::handler {
  rlim_t file_size_limit;
  rlim_t cpu_seconds;  // 0: no limit
  bool disable_aslr;

  template <class Executor>
  void on_exec_setup(Executor& /*exec*/) const {
    const rlimit limit{file_size_limit, file_size_limit};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    if (cpu_seconds > 0) {
      // SIGXCPU at the soft limit; a program that catches it is killed a second later.
      const rlimit cpu{cpu_seconds, cpu_seconds + 1};
      ::setrlimit(RLIMIT_CPU, &cpu);
    }
    if (disable_aslr) {
      const int current = ::personality(0xffffffff);
      if (current != -1) {
        ::personality(static_cast<unsigned long>(current) | ADDR_NO_RANDOMIZE);
      }
    }
    // A grader must not inherit an ignored SIGPIPE/SIGXFSZ from whoever started us.
    ::signal(SIGXFSZ, SIG_DFL);
    ::signal(SIGPIPE, SIG_DFL);
  }
};

boost::filesystem::path resolve_program(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    if (::access(name.c_str(), X_OK) != 0) {
      throw RunError{"cannot run '" + name + "': " + std::strerror(errno)};
    }
    return boost::filesystem::path(name);
  }
  auto found = bp::search_path(name);
  if (found.empty()) {
    throw RunError{"cannot run '" + name + "': not found on PATH"};
  }
  return found;
}

/// One process seen in /proc.
struct ProcessEntry {
  pid_t pid = 0;
  pid_t parent = 0;
  bool zombie = false;
};

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
    long parent = 0;
    fields >> state >> parent;
    entries.push_back({static_cast<pid_t>(std::stol(name)), static_cast<pid_t>(parent),
                       state == 'Z' || state == 'X'});
  }
  return entries;
}

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

/// Reaps the runner's own dead children other than `keep` (the program,
/// which Boost.Process waits for): killed orphans must not stay zombies.
void reap_orphans(const std::vector<ProcessEntry>& tree, pid_t runner, pid_t keep) {
  for (const auto& entry : tree) {
    if (entry.parent == runner && entry.pid != keep) ::waitpid(entry.pid, nullptr, WNOHANG);
  }
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
      if (entry.pid != program) killed.insert(entry.pid);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(round < 10 ? 1 : 10));
  }
  return static_cast<int>(killed.size());
}

std::string mebibytes(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

/// Checks the tree against the request's limits; returns why it must die, or "".
std::string check_tree(const RunRequest& request, pid_t runner) {
  const auto tree = descendants_of(runner);
  if (request.process_limit > 0 && count_alive(tree) > request.process_limit) {
    return "killed: more than " + std::to_string(request.process_limit) +
           " processes alive at once (a fork that never ends?)";
  }
  if (request.memory_limit > 0 && resident_bytes(tree) > request.memory_limit) {
    return "killed: used more than " + mebibytes(request.memory_limit) +
           " of memory, counting every process it started (a leak, or data that grows without end?)";
  }
  return {};
}

}  // namespace

std::string signal_description(int signal_number) {
  const char* abbrev = ::sigabbrev_np(signal_number);
  std::string name = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal_number);
  std::string meaning;
  switch (signal_number) {
    case SIGSEGV: meaning = "segmentation fault: an invalid memory access"; break;
    case SIGABRT: meaning = "aborted: std::terminate, a failed assert or abort()"; break;
    case SIGFPE: meaning = "arithmetic error, such as a division by zero"; break;
    case SIGBUS: meaning = "bus error: an invalid memory access"; break;
    case SIGILL: meaning = "illegal instruction"; break;
    case SIGKILL: meaning = "killed"; break;
    case SIGXFSZ: meaning = "output limit exceeded: it wrote too much"; break;
    case SIGPIPE: meaning = "broken pipe"; break;
    default: {
      const char* text = ::strsignal(signal_number);
      meaning = text ? text : "";
    }
  }
  return meaning.empty() ? name : name + " (" + meaning + ")";
}

std::string RunResult::describe() const {
  if (timed_out) return "timed out";
  if (signal) return "signal " + signal_description(*signal);
  if (exit_code) return "exit code " + std::to_string(*exit_code);
  return "unknown status";
}

std::string cap_text(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  const auto newline = text.rfind('\n', limit);
  if (newline != std::string::npos && newline + 1 + 4096 >= limit) cut = newline + 1;
  std::string result = text.substr(0, cut);
  if (!result.empty() && result.back() != '\n') result += '\n';
  result += "[… " + std::to_string(text.size() - cut) + " more bytes not shown]\n";
  return result;
}

std::string read_capped(const std::filesystem::path& file, std::size_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return {};
  std::ifstream in(file, std::ios::binary);
  std::string head(static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit + 1)), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (size <= limit) return head;
  std::size_t cut = limit;
  const auto newline = head.rfind('\n', limit);
  if (newline != std::string::npos && newline + 1 + 4096 >= limit) cut = newline + 1;
  head.resize(cut);
  if (!head.empty() && head.back() != '\n') head += '\n';
  head += "[… " + std::to_string(size - cut) + " more bytes not shown]\n";
  return head;
}

RunResult run_process(const RunRequest& request) {
  if (request.command.empty()) throw RunError{"no command to run"};
  if (request.output_file.empty()) throw RunError{"no output file given"};
  const auto program = resolve_program(request.command.front());
  const std::vector<std::string> args(request.command.begin() + 1, request.command.end());

  // A copy: this_process::environment() is the live environment of racelab itself.
  boost::process::environment env = boost::this_process::environment();
  for (const auto& name : request.unset_env) {
    if (env.find(name) != env.end()) env.erase(name);
  }
  for (const auto& [name, value] : request.set_env) env[name] = value;

  const ChildLimits limits{{}, static_cast<rlim_t>(request.output_limit),
                           static_cast<rlim_t>(std::max<long long>(request.cpu_limit.count(), 0)),
                           request.disable_aslr};
  const boost::filesystem::path output(request.output_file.string());
  // Boost.Process opens the file without O_TRUNC: start from an empty one.
  std::ofstream(request.output_file, std::ios::trunc).close();

  // Orphans of the program (a daemon that called setsid(), say) come back to
  // us instead of init, so they can be found and killed.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  const pid_t runner = ::getpid();
  const bool watch_tree = request.process_limit > 0 || request.memory_limit > 0;
  constexpr auto tree_check_interval = std::chrono::milliseconds(50);

  bp::group group;
  const auto start = std::chrono::steady_clock::now();
  bp::child child;
  try {
    child = bp::child(program, bp::args(args), env, (bp::std_out & bp::std_err) > output,
                      bp::std_in < bp::null, group, limits);
  } catch (const bp::process_error& error) {
    throw RunError{"cannot run '" + request.command.front() + "': " + error.what()};
  }
  const pid_t process_group = child.id();

  RunResult result;
  auto pause = std::chrono::milliseconds(1);
  auto next_tree_check = start;
  std::error_code ec;
  while (child.running(ec)) {
    const auto now = std::chrono::steady_clock::now();
    if (now - start >= request.time_limit) {
      result.timed_out = true;
      break;
    }
    if (watch_tree && now >= next_tree_check) {
      result.limit_exceeded = check_tree(request, runner);
      if (!result.limit_exceeded.empty()) break;
      next_tree_check = now + tree_check_interval;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
  if (result.timed_out || !result.limit_exceeded.empty()) {
    ::killpg(process_group, SIGKILL);
    kill_tree(runner, process_group);
  }
  child.wait(ec);
  result.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  // Whatever the program forked and left behind dies with it, inside its
  // group or not. The tree first, so that every leftover is counted; the
  // group after it, in case /proc hid one.
  result.leftovers_killed = kill_tree(runner, process_group);
  ::killpg(process_group, SIGKILL);
  group.detach();

  const int status = child.native_exit_code();
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  if (result.limit_exceeded.empty() && request.cpu_limit.count() > 0 && result.signal == SIGXCPU) {
    result.limit_exceeded = "killed: used more than " + std::to_string(request.cpu_limit.count()) +
                            " s of CPU time (an endless loop, or far too much work?)";
  }

  std::error_code size_error;
  result.output_bytes = std::filesystem::file_size(request.output_file, size_error);
  result.output = read_capped(request.output_file);
  return result;
}

TempDir::TempDir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + ".XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    throw RunError{"cannot create a temporary directory in " + pattern + ": " + std::strerror(errno)};
  }
  path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace racelab::lab
