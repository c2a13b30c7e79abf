#include "judge/tsan_judge.hpp"

#include "judge/boost_test_report.hpp"
#include "judge/limited_run.hpp"
#include "judge/tsan_report.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/output.hpp"
#include "sandbox/temp_dir.hpp"

#include <algorithm>
#include <memory>
#include <ostream>

namespace racelab::lab {
namespace {

/// One run under TSan: its folder (logs, report), how it ended, what TSan wrote.
struct TsanRun {
  std::unique_ptr<TempDir> dir;
  RunResult result;
  TsanLog log;
  std::vector<std::string> notes;  ///< what the judge changed about the run, for the student
  bool could_not_map = false;      ///< TSan could not map its memory, even without ASLR
};

TsanRun run_once(const JudgeOptions& o, bool no_aslr) {
  TsanRun run;
  run.dir = std::make_unique<TempDir>("racelab-tsan");
  RunRequest request = limited_request(o, run.dir->path());
  ask_for_report(request, run.dir->path());
  request.disable_aslr = no_aslr;
  // Set entirely here: nothing inherited (say, halt_on_error=1 or
  // report_bugs=0 in the student's shell) can silence or reshape TSan.
  request.unset_env.insert(request.unset_env.end(), {"TSAN_OPTIONS", "TSAN_SYMBOLIZER_PATH"});
  request.set_env["TSAN_OPTIONS"] = judge_tsan_options(run.dir->path());
  run.result = run_process(request);
  run.log = read_tsan_logs(run.dir->path(), o.sources);
  return run;
}

/// The program under TSan; again with address-space randomisation off when TSan could not map its memory.
TsanRun run_under_tsan(const JudgeOptions& o) {
  TsanRun run = run_once(o, false);
  if (!run.log.aslr_failure && !(mentions_aslr_failure(run.result.output) && !run.result.exited_with(0))) return run;
  run = run_once(o, true);
  run.could_not_map = run.log.aslr_failure || (mentions_aslr_failure(run.result.output) &&
                                               !run.result.exited_with(0) && run.log.findings.empty());
  run.notes.push_back("note: ThreadSanitizer could not start with this kernel's address-space randomisation, "
                      "so the program was run again with it turned off (ADDR_NO_RANDOMIZE); that run is judged.");
  return run;
}

/// The place to show for a TSan finding: the first access, else the first known site.
const Site* main_site(const Finding& finding) {
  for (const auto& access : finding.accesses) {
    if (access.where.known()) return &access.where;
  }
  for (const auto& site : finding.sites) {
    if (site.known()) return &site;
  }
  return nullptr;
}

GradeFinding finding_of(const Finding& finding, const JudgeOptions& o) {
  GradeFinding f;
  f.judge = Judge::tsan;
  f.kind = kind_noun(finding.kind, 1);
  f.object = finding.object;
  f.message = finding.object.empty() ? finding.title : f.kind + " on " + finding.object;
  if (const Site* site = main_site(finding)) {
    f.file = absolute_in_sources(o, site->file);
    f.line = site->line;
    f.column = site->column;
  }
  for (const auto& access : finding.accesses) {
    f.accesses.push_back({access.operation, absolute_in_sources(o, access.where.file), access.where.line,
                          access.where.column, access.thread, access.mutexes});
  }
  f.notes = finding.details;
  return f;
}

JudgeVerdict passed(const JudgeOptions& o, const TsanRun& run, std::ostream& out) {
  const RunResult& r = run.result;
  out << headline(o, judge_passed);
  note_leftovers(r, out);
  for (const auto& n : run.notes) out << n << "\n";
  if (r.exit_code && *r.exit_code != 0) {
    const bool checks = *r.exit_code == boost_test_failed || *r.exit_code == boost_test_error;
    out << "note: no ThreadSanitizer report, but the program "
        << (checks ? "failed its functional checks" : "exited with code " + std::to_string(*r.exit_code))
        << " too (exit code " << *r.exit_code << "): see exercise " << o.exercise << "'s functional judge.\n";
  }
  return {judge_passed, {}};
}

JudgeVerdict failed(const JudgeOptions& o, const TsanRun& run, bool unfinished, std::ostream& out) {
  const RunResult& r = run.result;
  const auto& findings = run.log.findings;
  out << headline(o, judge_failed);
  if (r.timed_out) {
    // A hang comes first; a lock-order inversion TSan saw before it is most
    // likely the deadlock, so it follows right under the verdict.
    out << ending_summary(r, o.timeout_seconds) << " (under ThreadSanitizer)\n";
    if (std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.kind == FindingKind::lock_order; })) {
      out << "Before the time-out, ThreadSanitizer saw two locks taken in opposite orders — "
             "the likely deadlock:\n";
    }
    if (!findings.empty()) out << summarise(run.log);
  } else {
    if (!findings.empty()) out << summarise(run.log);
    if (r.signal) out << (findings.empty() ? "" : "Also: ") << ending_summary(r, o.timeout_seconds) << "\n";
    if (unfinished) out << (findings.empty() ? "" : "Also: ") << unproven_exit(r, TestReport{}) << "\n";
  }
  for (const auto& n : run.notes) out << n << "\n";
  out << what_to_do(o);
  if (!findings.empty()) section(out, "raw ThreadSanitizer report", cap_text(run.log.raw));
  section(out, "program output", r.output);
  JudgeVerdict verdict{judge_failed, {}};
  for (const auto& finding : findings) verdict.findings.push_back(finding_of(finding, o));
  return verdict;
}

}  // namespace

std::string judge_tsan_options(const std::filesystem::path& log_dir) {
  return "log_path=" + (log_dir / "tsan").string() +
         " halt_on_error=0 exitcode=" + std::to_string(tsan_exit_code) +
         " second_deadlock_stack=1 report_signal_unsafe=0 report_bugs=1 report_thread_leaks=1"
         " report_destroy_locked=1 report_mutex_bugs=1 detect_deadlocks=1 suppress_equal_stacks=1"
         " suppress_equal_addresses=1 abort_on_error=0 log_exe_name=0 verbosity=0";
}

JudgeVerdict judge_tsan(const JudgeOptions& o, std::ostream& out) {
  const TsanRun run = run_under_tsan(o);
  if (run.could_not_map) {
    out << headline(o, judge_error);
    out << "ThreadSanitizer cannot map its memory on this machine, even with address-space "
           "randomisation turned off. Ask your instructor; on Linux, `sudo sysctl vm.mmap_rnd_bits=28` "
           "usually fixes it.\n";
    section(out, "program output", run.result.output);
    return {judge_error, {}};
  }
  // A run that stopped early (quick_exit, exit from a test) hid the rest of
  // the tests from TSan: it proves nothing, whatever its exit status.
  const RunResult& r = run.result;
  const bool ended_on_its_own = !r.timed_out && !r.signal.has_value();
  const bool unfinished = ended_on_its_own && !read_test_report(report_path(run.dir->path())).found;
  if (run.log.findings.empty() && ended_on_its_own && !unfinished) return passed(o, run, out);
  return failed(o, run, unfinished, out);
}

}  // namespace racelab::lab
