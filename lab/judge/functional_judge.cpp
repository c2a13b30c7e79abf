#include "judge/functional_judge.hpp"

#include "judge/boost_test_report.hpp"
#include "judge/limited_run.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/temp_dir.hpp"

#include <ostream>

namespace racelab::lab {
namespace {

/// Why the run failed: the failing checks when Boost.Test printed them, else how it ended.
void explain_failure(const JudgeOptions& o, const RunResult& r, const TestReport& report, std::ostream& out) {
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
}

}  // namespace

JudgeVerdict judge_functional(const JudgeOptions& o, std::ostream& out) {
  TempDir dir("racelab-judge");
  RunRequest request = limited_request(o, dir.path());
  ask_for_report(request, dir.path());
  const RunResult r = run_process(request);
  const TestReport report = read_test_report(report_path(dir.path()));
  if (r.exited_with(0) && !r.timed_out && report.all_passed()) {
    out << headline(o, judge_passed);
    note_leftovers(r, out);
    return {judge_passed, {}};
  }
  out << headline(o, judge_failed);
  explain_failure(o, r, report, out);
  out << what_to_do(o);
  section(out, "test output", r.output);
  return {judge_failed, {}};
}

}  // namespace racelab::lab
