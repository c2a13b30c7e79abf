#include "racelab/lab/judge.hpp"

#include "racelab/lab/tsan_report.hpp"

#include <cmath>
#include <iomanip>
#include <ostream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace racelab::lab {
namespace {

/// Boost.Test exits with 201 when checks failed, 200 on an uncaught exception or signal.
constexpr int boost_test_failed = 201;
constexpr int boost_test_error = 200;

std::string seconds_text(double seconds) {
  std::ostringstream s;
  if (std::floor(seconds) == seconds) s << static_cast<long long>(seconds);
  else s << std::setprecision(3) << seconds;
  return s.str() + " s";
}

std::string headline(const JudgeOptions& o, const std::string& verdict) {
  return "exercise " + std::to_string(o.exercise) + " — " + judge_title(o.kind) + " judge: " + verdict + "\n";
}

std::string what_to_do(const JudgeOptions& o) {
  if (o.readme.empty()) return "What to do: read the hints in the exercise's README.md\n";
  return "What to do: read the hints in " + readme_for_display(o.readme) + "\n";
}

void section(std::ostream& out, const std::string& title, const std::string& text) {
  out << "--- " << title << " ---\n";
  if (text.empty()) {
    out << "(nothing)\n";
  } else {
    out << text;
    if (text.back() != '\n') out << '\n';
  }
}

std::chrono::milliseconds limit_of(const JudgeOptions& o) {
  return std::chrono::milliseconds(static_cast<long long>(std::llround(o.timeout_seconds * 1000)));
}

std::string indent_lines(const std::vector<std::string>& lines, std::size_t max_lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < max_lines; ++i) text += "  " + lines[i] + "\n";
  if (lines.size() > max_lines) {
    text += "  … and " + std::to_string(lines.size() - max_lines) + " more (see the output below)\n";
  }
  return text;
}

/// How a run ended, in plain words, when it did not end well.
std::string ending_summary(const RunResult& r, double timeout_seconds) {
  if (r.timed_out) {
    return "timed out after " + seconds_text(timeout_seconds) + " — possible deadlock or endless loop";
  }
  if (r.signal) return "crashed: " + signal_description(*r.signal);
  return "exited with code " + std::to_string(r.exit_code.value_or(-1));
}

int judge_functional(const JudgeOptions& o, std::ostream& out) {
  TempDir dir("racelab-judge");
  RunRequest request;
  request.command = o.command;
  request.time_limit = limit_of(o);
  request.output_file = dir.path() / "output.txt";
  const RunResult r = run_process(request);
  if (r.exited_with(0) && !r.timed_out) {
    out << headline(o, "passed");
    return judge_passed;
  }
  out << headline(o, "FAILED");
  const auto failures = boost_test_failures(r.output);
  if (r.timed_out || r.signal) {
    out << ending_summary(r, o.timeout_seconds) << "\n";
    if (!failures.empty()) out << "Before that, these checks failed:\n" << indent_lines(failures, 10);
  } else if (!failures.empty()) {
    out << "the functional tests found " << failures.size()
        << (failures.size() == 1 ? " failing check" : " failing checks") << ":\n"
        << indent_lines(failures, 10);
  } else if (r.exited_with(boost_test_failed) || r.exited_with(boost_test_error)) {
    out << "the functional tests failed (exit code " << *r.exit_code << "); see the output below\n";
  } else {
    out << ending_summary(r, o.timeout_seconds) << "\n";
  }
  out << what_to_do(o);
  section(out, "test output", r.output);
  return judge_failed;
}

int judge_tsan(const JudgeOptions& o, std::ostream& out) {
  auto run_once = [&](const std::filesystem::path& dir, bool no_aslr) {
    RunRequest request;
    request.command = o.command;
    request.time_limit = limit_of(o);
    request.output_file = dir / "output.txt";
    request.disable_aslr = no_aslr;
    // Set entirely here: nothing inherited (say, halt_on_error=1 or
    // report_bugs=0 in the student's shell) can silence or reshape TSan.
    request.unset_env = {"TSAN_OPTIONS", "TSAN_SYMBOLIZER_PATH"};
    request.set_env["TSAN_OPTIONS"] = judge_tsan_options(dir);
    return run_process(request);
  };

  auto first_dir = std::make_unique<TempDir>("racelab-tsan");
  RunResult r = run_once(first_dir->path(), false);
  TsanLog log = read_tsan_logs(first_dir->path(), o.sources);
  std::vector<std::string> notes;
  if (log.aslr_failure || (mentions_aslr_failure(r.output) && !r.exited_with(0))) {
    auto second_dir = std::make_unique<TempDir>("racelab-tsan");
    r = run_once(second_dir->path(), true);
    log = read_tsan_logs(second_dir->path(), o.sources);
    first_dir = std::move(second_dir);
    if (log.aslr_failure || (mentions_aslr_failure(r.output) && !r.exited_with(0) && log.findings.empty())) {
      out << headline(o, "could not run");
      out << "ThreadSanitizer cannot map its memory on this machine, even with address-space "
             "randomisation turned off. Ask your instructor; on Linux, `sudo sysctl vm.mmap_rnd_bits=28` "
             "usually fixes it.\n";
      section(out, "program output", r.output);
      return judge_error;
    }
    notes.push_back("note: ThreadSanitizer could not start with this kernel's address-space randomisation, "
                    "so the program was run again with it turned off (ADDR_NO_RANDOMIZE); that run is judged.");
  }

  const bool failed = !log.findings.empty() || r.timed_out || r.signal.has_value();
  if (!failed) {
    out << headline(o, "passed");
    for (const auto& n : notes) out << n << "\n";
    if (r.exit_code && *r.exit_code != 0) {
      const bool checks = *r.exit_code == boost_test_failed || *r.exit_code == boost_test_error;
      out << "note: no ThreadSanitizer report, but the program " << (checks ? "failed its functional checks" : "exited with code " + std::to_string(*r.exit_code))
          << " too (exit code " << *r.exit_code << "): see exercise " << o.exercise << "'s functional judge.\n";
    }
    return judge_passed;
  }

  out << headline(o, "FAILED");
  if (!log.findings.empty()) out << summarise(log);
  if (r.timed_out || r.signal) {
    out << (log.findings.empty() ? "" : "Also: ") << ending_summary(r, o.timeout_seconds)
        << (r.timed_out ? " (under ThreadSanitizer)" : "") << "\n";
  }
  for (const auto& n : notes) out << n << "\n";
  out << what_to_do(o);
  if (!log.findings.empty()) section(out, "raw ThreadSanitizer report", cap_text(log.raw));
  section(out, "program output", r.output);
  return judge_failed;
}

int judge_static(const JudgeOptions& o, std::ostream& out) {
  TempDir dir("racelab-judge");
  RunRequest request;
  request.command = o.command;
  request.time_limit = limit_of(o);
  request.output_file = dir.path() / "output.txt";
  const RunResult r = run_process(request);
  if (r.exited_with(0) && !r.timed_out) {
    out << headline(o, "passed");
    return judge_passed;
  }
  out << headline(o, "FAILED");
  if (r.exited_with(1)) {
    out << "racelab-check found problems in your code:\n";
    out << r.output;
    if (!r.output.empty() && r.output.back() != '\n') out << '\n';
    out << what_to_do(o);
    return judge_failed;
  }
  out << "racelab-check could not analyse your code: "
      << (r.exited_with(2) ? std::string("it reported an error") : ending_summary(r, o.timeout_seconds)) << "\n";
  out << r.output;
  if (!r.output.empty() && r.output.back() != '\n') out << '\n';
  out << "Make sure your files compile (see the build step); " << what_to_do(o);
  return judge_failed;
}

}  // namespace

std::string judge_id(JudgeKind kind) {
  switch (kind) {
    case JudgeKind::functional: return "functional";
    case JudgeKind::tsan: return "tsan";
    case JudgeKind::static_check: return "static";
    case JudgeKind::perf: return "perf";
  }
  return "?";
}

std::string judge_title(JudgeKind kind) {
  switch (kind) {
    case JudgeKind::functional: return "functional tests";
    case JudgeKind::tsan: return "ThreadSanitizer";
    case JudgeKind::static_check: return "racelab-check";
    case JudgeKind::perf: return "perf";
  }
  return "?";
}

JudgeKind parse_judge_kind(const std::string& text) {
  if (text == "functional") return JudgeKind::functional;
  if (text == "tsan") return JudgeKind::tsan;
  if (text == "static") return JudgeKind::static_check;
  if (text == "perf") return JudgeKind::perf;
  throw std::invalid_argument("unknown judge '" + text + "' (expected functional, tsan, static or perf)");
}

std::string judge_tsan_options(const std::filesystem::path& log_dir) {
  return "log_path=" + (log_dir / "tsan").string() +
         " halt_on_error=0 exitcode=" + std::to_string(tsan_exit_code) +
         " second_deadlock_stack=1 report_signal_unsafe=0 report_bugs=1 report_thread_leaks=1"
         " report_destroy_locked=1 report_mutex_bugs=1 detect_deadlocks=1 suppress_equal_stacks=1"
         " suppress_equal_addresses=1 abort_on_error=0 log_exe_name=0 verbosity=0";
}

std::vector<std::string> boost_test_failures(const std::string& output) {
  static const std::regex failure(R"re(^(.*)\((\d+)\): (fatal error|error): in "([^"]*)": (.*)$)re");
  std::vector<std::string> lines;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_match(line, m, failure)) {
      const auto file = std::filesystem::path(m[1].str()).filename().string();
      lines.push_back(file + "(" + m[2].str() + "): in \"" + m[4].str() + "\": " + m[5].str());
    }
  }
  return lines;
}

std::string readme_for_display(const std::filesystem::path& readme) {
  const auto absolute = readme.is_absolute() ? readme.lexically_normal() : readme;
  if (!absolute.is_absolute()) return readme.string();
  for (auto dir = absolute.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (std::filesystem::exists(dir / "CMakePresets.json", ec) || std::filesystem::exists(dir / ".git", ec)) {
      return absolute.lexically_relative(dir).string();
    }
    if (dir == dir.root_path()) break;
  }
  return readme.string();
}

int run_judge(const JudgeOptions& options, std::ostream& out) {
  if (options.command.empty()) {
    out << headline(options, "could not run") << "no command given after --\n";
    return judge_error;
  }
  try {
    switch (options.kind) {
      case JudgeKind::functional: return judge_functional(options, out);
      case JudgeKind::tsan: return judge_tsan(options, out);
      case JudgeKind::static_check: return judge_static(options, out);
      case JudgeKind::perf: return run_perf_judge(options, out);
    }
  } catch (const RunError& error) {
    out << headline(options, "could not run") << error.message << "\n";
    if (options.kind != JudgeKind::static_check) {
      out << "(has the build step, exercise " << options.exercise << ".build, succeeded?)\n";
    }
    return judge_error;
  }
  return judge_error;
}

}  // namespace racelab::lab
