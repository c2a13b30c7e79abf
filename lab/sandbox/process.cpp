#include "sandbox/process.hpp"

#include "sandbox/output.hpp"
#include "sandbox/process_tree.hpp"
#include "sandbox/signals.hpp"

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
#include <cstring>
#include <fstream>
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

/// The environment of the program: racelab's own, copied, with the request's changes.
bp::environment environment_for(const RunRequest& request) {
  // A copy: this_process::environment() is the live environment of racelab itself.
  bp::environment env = boost::this_process::environment();
  for (const auto& name : request.unset_env) {
    if (env.find(name) != env.end()) env.erase(name);
  }
  for (const auto& [name, value] : request.set_env) env[name] = value;
  return env;
}

/// Waits for the program to end, the time limit or a limit on its tree, whichever comes first.
void watch(bp::child& child, const RunRequest& request, pid_t runner, RunResult& result) {
  const bool watch_tree = request.process_limit > 0 || request.memory_limit > 0;
  constexpr auto tree_check_interval = std::chrono::milliseconds(50);
  const auto start = std::chrono::steady_clock::now();
  auto pause = std::chrono::milliseconds(1);
  auto next_tree_check = start;
  std::error_code ec;
  while (child.running(ec)) {
    const auto now = std::chrono::steady_clock::now();
    if (now - start >= request.time_limit) {
      result.timed_out = true;
      return;
    }
    if (watch_tree && now >= next_tree_check) {
      result.limit_exceeded = check_tree(request, runner);
      if (!result.limit_exceeded.empty()) return;
      next_tree_check = now + tree_check_interval;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
}

/// How the program ended, from its wait status.
void record_ending(int status, const RunRequest& request, RunResult& result) {
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  if (result.limit_exceeded.empty() && request.cpu_limit.count() > 0 && result.signal == SIGXCPU) {
    result.limit_exceeded = "killed: used more than " + std::to_string(request.cpu_limit.count()) +
                            " s of CPU time (an endless loop, or far too much work?)";
  }
}

}  // namespace

std::string RunResult::describe() const {
  if (timed_out) return "timed out";
  if (signal) return "signal " + signal_description(*signal);
  if (exit_code) return "exit code " + std::to_string(*exit_code);
  return "unknown status";
}

RunResult run_process(const RunRequest& request) {
  if (request.command.empty()) throw RunError{"no command to run"};
  if (request.output_file.empty()) throw RunError{"no output file given"};
  const auto program = resolve_program(request.command.front());
  const std::vector<std::string> args(request.command.begin() + 1, request.command.end());
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
  bp::group group;
  const auto start = std::chrono::steady_clock::now();
  bp::child child;
  try {
    child = bp::child(program, bp::args(args), environment_for(request), (bp::std_out & bp::std_err) > output,
                      bp::std_in < bp::null, group, limits);
  } catch (const bp::process_error& error) {
    throw RunError{"cannot run '" + request.command.front() + "': " + error.what()};
  }
  const pid_t process_group = child.id();

  RunResult result;
  watch(child, request, runner, result);
  if (result.timed_out || !result.limit_exceeded.empty()) {
    ::killpg(process_group, SIGKILL);
    kill_tree(runner, process_group);
  }
  std::error_code ec;
  child.wait(ec);
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  // Whatever the program forked and left behind dies with it, inside its
  // group or not. The tree first, so that every leftover is counted; the
  // group after it, in case /proc hid one.
  result.leftovers_killed = kill_tree(runner, process_group);
  ::killpg(process_group, SIGKILL);
  group.detach();
  record_ending(child.native_exit_code(), request, result);

  std::error_code size_error;
  result.output_bytes = std::filesystem::file_size(request.output_file, size_error);
  result.output = read_capped(request.output_file);
  return result;
}

}  // namespace racelab::lab
