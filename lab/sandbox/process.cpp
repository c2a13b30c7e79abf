#include "sandbox/process.hpp"

#include "core/regular_file.hpp"
#include "sandbox/channel.hpp"
#include "sandbox/isolation.hpp"
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

#include <fcntl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>

namespace bp = boost::process;

namespace racelab::lab {
namespace {

/// The program's output file, created afresh and kept open: the program (or
/// anyone) may put a FIFO or a link at its name while it runs, but what is read
/// back is the file racelab created.
class OutputFile {
 public:
  explicit OutputFile(const std::filesystem::path& file) {
    try {
      stream_ = ::fdopen(create_fresh_file(file), "w");
    } catch (const FileError& e) {
      throw RunError{std::string("cannot create the output file ") + e.what()};
    }
    if (stream_ == nullptr) throw RunError{"cannot open " + file.string() + ": " + std::strerror(errno)};
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() { std::fclose(stream_); }
  [[nodiscard]] FILE* stream() const { return stream_; }
  [[nodiscard]] int fd() const { return ::fileno(stream_); }
  [[nodiscard]] std::uintmax_t size() const {
    struct stat status {};
    return ::fstat(fd(), &status) == 0 ? static_cast<std::uintmax_t>(status.st_size) : 0;
  }

 private:
  FILE* stream_ = nullptr;
};

/// Runs in the child between fork and exec: caps file size and CPU time,
/// optionally turns off address-space randomisation. Only async-signal-safe calls here.
struct ChildLimits : bp::extend::handler {
  rlim_t file_size_limit;
  rlim_t cpu_seconds;  // 0: no limit
  bool disable_aslr;
  std::vector<int> inherited;  // close-on-exec in racelab, open in the program

  template <class Executor>
  void on_exec_setup(Executor& /*exec*/) const {
    for (const int fd : inherited) ::fcntl(fd, F_SETFD, 0);
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
  auto program = resolve_program(request.command.front());
  std::vector<std::string> args(request.command.begin() + 1, request.command.end());
  RunResult result;
  if (request.isolate) {
    const SandboxState& sandbox = sandbox_state();
    result.isolated = sandbox.available;
    result.not_isolated_why = sandbox.why_not;
    if (sandbox.available) {
      std::vector<std::string> command = request.command;
      command.front() = program.string();
      command = isolated_command(command, request.writable, request.readable);
      program = boost::filesystem::path(command.front());
      args.assign(command.begin() + 1, command.end());
    }
  }
  const ChildLimits limits{{}, static_cast<rlim_t>(request.output_limit),
                           static_cast<rlim_t>(std::max<long long>(request.cpu_limit.count(), 0)),
                           request.disable_aslr, {}};
  ChildLimits with_channels = limits;
  for (Channel* channel : request.channels) with_channels.inherited.push_back(channel->write_fd());
  const OutputFile output(request.output_file);

  // Orphans of the program (a daemon that called setsid(), say) come back to
  // us instead of init, so they can be found and killed.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  const pid_t runner = ::getpid();
  bp::group group;
  const auto start = std::chrono::steady_clock::now();
  bp::child child;
  try {
    child = bp::child(program, bp::args(args), environment_for(request), (bp::std_out & bp::std_err) > output.stream(),
                      bp::std_in < bp::null, group, with_channels);
  } catch (const bp::process_error& error) {
    throw RunError{"cannot run '" + request.command.front() + "': " + error.what()};
  }
  const pid_t process_group = child.id();
  for (Channel* channel : request.channels) channel->start();

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
  for (Channel* channel : request.channels) channel->finish();
  record_ending(child.native_exit_code(), request, result);
  // bubblewrap reports a program killed by signal N as exit code 128 + N.
  if (result.isolated && result.exit_code && *result.exit_code > 128 && *result.exit_code < 128 + 65) {
    result.signal = *result.exit_code - 128;
    result.exit_code.reset();
    record_ending(W_EXITCODE(0, *result.signal), request, result);
  }

  // Through the descriptor: the name may meanwhile lead to a FIFO or a link the program put there.
  result.output_bytes = output.size();
  result.output = read_capped(output.fd(), request.output_shown);
  return result;
}

}  // namespace racelab::lab
