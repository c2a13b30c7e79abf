#include "judge/judge.hpp"

#include "judge/escape_hatches.hpp"
#include "judge/judge_record.hpp"
#include "judge/tsan_report.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
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

/// The request every judge starts from: the command, the time limit and the
/// course's limits on CPU, memory, processes and output.
RunRequest limited_request(const JudgeOptions& o, const std::filesystem::path& dir) {
  RunRequest request;
  request.command = o.command;
  request.time_limit = limit_of(o);
  request.output_file = dir / "output.txt";
  request.cpu_limit = std::chrono::seconds(static_cast<long long>(std::ceil(o.limits.cpu_seconds)));
  request.memory_limit = static_cast<std::uintmax_t>(o.limits.memory_mib) << 20;
  request.process_limit = o.limits.processes;
  request.output_limit = static_cast<std::uintmax_t>(o.limits.output_kib) << 10;
  // Boost.Test reads these too; whoever started the judge must not be able
  // to filter the tests away or send their report elsewhere.
  request.unset_env = {"BOOST_TEST_RUN_FILTERS", "BOOST_TEST_REPORT_FORMAT", "BOOST_TEST_REPORT_LEVEL",
                       "BOOST_TEST_REPORT_SINK", "BOOST_TEST_LOG_SINK", "BOOST_TEST_LOG_LEVEL",
                       "BOOST_TEST_LIST_CONTENT", "BOOST_TEST_OUTPUT_FORMAT", "BOOST_TEST_WAIT_FOR_DEBUGGER",
                       // The judges' records are written by the judge, never by the program judged.
                       results_dir_variable};
  return request;
}

// Proof of completion. An exit status of 0 proves nothing: a program can
// quick_exit(0) halfway through, or a destructor can _exit(0) after failed
// checks. Boost.Test writes its report only once every test case has run, to
// a private file named on its command line; that file is what counts.

std::filesystem::path report_path(const std::filesystem::path& dir) { return dir / "boost-test-report.xml"; }

void ask_for_report(RunRequest& request, const std::filesystem::path& dir) {
  request.command.push_back("--report_format=XML");
  request.command.push_back("--report_level=detailed");
  request.command.push_back("--report_sink=" + report_path(dir).string());
}

/// The master test suite's line of Boost.Test's XML report.
struct TestReport {
  bool found = false;  ///< the run reached its end and wrote its report
  std::string result;  ///< "passed", "failed", "aborted"…
  int passed = 0;
  int failed = 0;
  int aborted = 0;

  [[nodiscard]] bool all_passed() const { return found && result == "passed" && passed > 0 && failed == 0 && aborted == 0; }
  [[nodiscard]] std::string counts() const {
    return std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " + std::to_string(aborted) +
           " aborted";
  }
};

int attribute_number(const std::string& tag, const std::string& name) {
  const std::regex attribute("\\b" + name + "=\"([0-9]+)\"");
  std::smatch m;
  return std::regex_search(tag, m, attribute) ? std::stoi(m[1].str()) : 0;
}

TestReport read_test_report(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  static const std::regex master_suite(R"(<TestSuite\b[^>]*>)");
  std::smatch tag;
  TestReport report;
  if (!std::regex_search(text, tag, master_suite)) return report;
  const std::string t = tag.str();
  static const std::regex result(R"re(\bresult="([a-z_]+)")re");
  std::smatch m;
  if (std::regex_search(t, m, result)) report.result = m[1].str();
  report.found = !report.result.empty();
  report.passed = attribute_number(t, "test_cases_passed") + attribute_number(t, "test_cases_passed_with_warnings");
  report.failed = attribute_number(t, "test_cases_failed");
  report.aborted = attribute_number(t, "test_cases_aborted");
  return report;
}

/// Why an exit status of 0 was not believed.
std::string unproven_exit(const RunResult& r, const TestReport& report) {
  const std::string code = "exit code " + std::to_string(r.exit_code.value_or(-1));
  if (!report.found) {
    return "the program exited before its tests finished (" + code +
           ") — did something call exit() or quick_exit()? Only a test run that reaches its end counts.";
  }
  if (report.passed + report.failed + report.aborted == 0) {
    return "no test case ran (" + code + "): the grader's tests must run, and pass, to count.";
  }
  return "the tests did not all pass (" + report.counts() + "), yet the program ended with " + code +
         " — something changed its exit status (a destructor, an atexit handler, quick_exit?). Only the test "
         "framework's own report counts.";
}

/// Every C or C++ file under `sources`, skipping hidden and build folders.
std::vector<std::filesystem::path> student_files(const std::filesystem::path& sources) {
  static const std::vector<std::string> extensions{".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp",
                                                    ".hxx", ".h++", ".ipp", ".inl", ".tpp"};
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (sources.empty() || !std::filesystem::is_directory(sources, ec)) return files;
  std::filesystem::recursive_directory_iterator it(sources, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory(ec) && (name.rfind('.', 0) == 0 || name.rfind("build", 0) == 0)) {
      it.disable_recursion_pending();
      continue;
    }
    const auto ext = it->path().extension().string();
    if (it->is_regular_file(ec) && std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// The escape hatches in the student's sources that dodge this judge.
std::vector<EscapeHatch> hatches_dodging(const JudgeOptions& o) {
  std::vector<EscapeHatch> dodging;
  for (auto& hatch : find_escape_hatches(o.sources, student_files(o.sources), o.sleep_allowed)) {
    if (hatch.dodges == judge_id(o.kind)) dodging.push_back(std::move(hatch));
  }
  return dodging;
}

int fail_for_escape_hatches(const JudgeOptions& o, const std::vector<EscapeHatch>& hatches, std::ostream& out) {
  note_escape_hatches(o, hatches);
  out << headline(o, "FAILED");
  out << "your code tells " << judge_title(o.kind) << " to look away (" << hatches.size()
      << (hatches.size() == 1 ? " place" : " places") << "), so this judge gives no credit until "
      << (hatches.size() == 1 ? "it is" : "they are") << " gone:\n";
  for (const auto& hatch : hatches) {
    out << "  " << hatch.file << ":" << hatch.line << ": " << hatch.text << "\n"
        << "    " << hatch.message << "\n";
  }
  out << what_to_do(o);
  return judge_failed;
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
  if (!r.limit_exceeded.empty()) return r.limit_exceeded;
  if (r.signal) return "crashed: " + signal_description(*r.signal);
  return "exited with code " + std::to_string(r.exit_code.value_or(-1));
}

/// A note for a passing verdict: the program left processes running.
void note_leftovers(const RunResult& r, std::ostream& out) {
  if (r.leftovers_killed > 0) {
    out << "note: " << r.leftovers_killed
        << (r.leftovers_killed == 1 ? " process it started was" : " processes it started were")
        << " still running when the program ended; the judge killed "
        << (r.leftovers_killed == 1 ? "it" : "them") << ".\n";
  }
}

int judge_functional(const JudgeOptions& o, std::ostream& out) {
  TempDir dir("racelab-judge");
  RunRequest request = limited_request(o, dir.path());
  ask_for_report(request, dir.path());
  const RunResult r = run_process(request);
  const TestReport report = read_test_report(report_path(dir.path()));
  if (r.exited_with(0) && !r.timed_out && report.all_passed()) {
    out << headline(o, "passed");
    note_leftovers(r, out);
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
  } else if (r.exited_with(0)) {
    out << unproven_exit(r, report) << "\n";
  } else {
    out << ending_summary(r, o.timeout_seconds) << "\n";
  }
  out << what_to_do(o);
  section(out, "test output", r.output);
  return judge_failed;
}

int judge_tsan(const JudgeOptions& o, std::ostream& out) {
  auto run_once = [&](const std::filesystem::path& dir, bool no_aslr) {
    RunRequest request = limited_request(o, dir);
    ask_for_report(request, dir);
    request.disable_aslr = no_aslr;
    // Set entirely here: nothing inherited (say, halt_on_error=1 or
    // report_bugs=0 in the student's shell) can silence or reshape TSan.
    request.unset_env.insert(request.unset_env.end(), {"TSAN_OPTIONS", "TSAN_SYMBOLIZER_PATH"});
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

  // A run that stopped early (quick_exit, exit from a test) hid the rest of
  // the tests from TSan: it proves nothing, whatever its exit status.
  const bool ended_on_its_own = !r.timed_out && !r.signal.has_value();
  const bool unfinished = ended_on_its_own && !read_test_report(report_path(first_dir->path())).found;
  const bool failed = !log.findings.empty() || !ended_on_its_own || unfinished;
  if (!failed) {
    out << headline(o, "passed");
    note_leftovers(r, out);
    for (const auto& n : notes) out << n << "\n";
    if (r.exit_code && *r.exit_code != 0) {
      const bool checks = *r.exit_code == boost_test_failed || *r.exit_code == boost_test_error;
      out << "note: no ThreadSanitizer report, but the program " << (checks ? "failed its functional checks" : "exited with code " + std::to_string(*r.exit_code))
          << " too (exit code " << *r.exit_code << "): see exercise " << o.exercise << "'s functional judge.\n";
    }
    return judge_passed;
  }

  note_tsan_findings(log, o.sources);
  out << headline(o, "FAILED");
  if (r.timed_out) {
    // A hang comes first; a lock-order inversion TSan saw before it is most
    // likely the deadlock, so it follows right under the verdict.
    out << ending_summary(r, o.timeout_seconds) << " (under ThreadSanitizer)\n";
    if (std::any_of(log.findings.begin(), log.findings.end(),
                    [](const Finding& f) { return f.kind == FindingKind::lock_order; })) {
      out << "Before the time-out, ThreadSanitizer saw two locks taken in opposite orders — "
             "the likely deadlock:\n";
    }
    if (!log.findings.empty()) out << summarise(log);
  } else {
    if (!log.findings.empty()) out << summarise(log);
    if (r.signal) out << (log.findings.empty() ? "" : "Also: ") << ending_summary(r, o.timeout_seconds) << "\n";
    if (unfinished) out << (log.findings.empty() ? "" : "Also: ") << unproven_exit(r, TestReport{}) << "\n";
  }
  for (const auto& n : notes) out << n << "\n";
  out << what_to_do(o);
  if (!log.findings.empty()) section(out, "raw ThreadSanitizer report", cap_text(log.raw));
  section(out, "program output", r.output);
  return judge_failed;
}

int judge_static(const JudgeOptions& o, std::ostream& out) {
  TempDir dir("racelab-judge");
  const RunResult r = run_process(limited_request(o, dir.path()));
  if (r.exited_with(0) && !r.timed_out) {
    out << headline(o, "passed");
    return judge_passed;
  }
  out << headline(o, "FAILED");
  if (r.exited_with(1)) {
    note_checker_findings(o);
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

// run_judge (judge_record.cpp) calls this and records the verdict for `racelab grade`.
int run_judge_verdict(const JudgeOptions& options, std::ostream& out) {
  if (options.command.empty()) {
    out << headline(options, "could not run") << "no command given after --\n";
    return judge_error;
  }
  try {
    // A judge told to look away gives no credit, whatever the run would say.
    if (options.kind != JudgeKind::perf) {
      if (const auto hatches = hatches_dodging(options); !hatches.empty()) {
        return fail_for_escape_hatches(options, hatches, out);
      }
    }
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
