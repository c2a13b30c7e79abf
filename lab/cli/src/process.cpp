#include "racelab/lab/process.hpp"

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/env.hpp>
#include <boost/process/environment.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/group.hpp>
#include <boost/process/io.hpp>
#include <boost/process/search_path.hpp>

#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

namespace bp = boost::process;

namespace racelab::lab {
namespace {

/// Runs in the child between fork and exec: caps file size, optionally turns
/// off address-space randomisation. Only async-signal-safe calls here.
struct ChildLimits : bp::extend::handler {
  rlim_t file_size_limit;
  bool disable_aslr;

  template <class Executor>
  void on_exec_setup(Executor& /*exec*/) const {
    const rlimit limit{file_size_limit, file_size_limit};
    ::setrlimit(RLIMIT_FSIZE, &limit);
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

  auto env = boost::this_process::environment();
  for (const auto& name : request.unset_env) {
    if (env.find(name) != env.end()) env.erase(name);
  }
  for (const auto& [name, value] : request.set_env) env[name] = value;

  const ChildLimits limits{{}, static_cast<rlim_t>(request.output_limit), request.disable_aslr};
  const boost::filesystem::path output(request.output_file.string());
  // Boost.Process opens the file without O_TRUNC: start from an empty one.
  std::ofstream(request.output_file, std::ios::trunc).close();

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
  std::error_code ec;
  while (child.running(ec)) {
    if (std::chrono::steady_clock::now() - start >= request.time_limit) {
      result.timed_out = true;
      ::killpg(process_group, SIGKILL);
      break;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
  child.wait(ec);
  result.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  // Whatever the program forked and left behind dies with it.
  ::killpg(process_group, SIGKILL);
  group.detach();

  const int status = child.native_exit_code();
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);

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
