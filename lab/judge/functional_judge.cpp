#include "judge/functional_judge.hpp"

#include "judge/boost_test_report.hpp"
#include "judge/limited_run.hpp"
#include "judge/seeded_runs.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/temp_dir.hpp"

#include <ostream>

namespace racelab::lab {
namespace {

/// One run of the grader: how it ended and Boost.Test's report of it.
struct FunctionalRun {
  RunResult result;
  TestReport report;
  std::vector<std::string> not_passed;  ///< listed test cases the report does not show as passed

  [[nodiscard]] bool passed() const {
    return result.exited_with(0) && !result.timed_out && report.all_passed() && not_passed.empty();
  }
};

FunctionalRun run_once(const JudgeOptions& o, const std::vector<std::string>& listed, std::uint64_t seed) {
  TempDir dir("racelab-judge");
  Channel channel;
  RunRequest request = limited_request(o, dir.path());
  ask_for_report(request, channel);
  give_seed(request, seed);
  FunctionalRun run;
  run.result = run_process(request);
  run.report = channel.incomplete() ? TestReport{} : parse_test_report(channel.finish());
  run.not_passed = cases_not_passed(listed, run.report);
  return run;
}

/// Why the run failed: the failing checks when Boost.Test printed them, else how it ended.
void explain_failure(const JudgeOptions& o, const RunResult& r, const TestReport& report,
                     const std::vector<std::string>& not_passed, std::ostream& out) {
  const auto failures = boost_test_failures(r.output);
  if (r.timed_out || r.signal || !r.limit_exceeded.empty()) {
    // A check that failed first often says why the run then crashed or hung (the
    // grader saw the cause coming): the summary line leads into it.
    out << ending_summary(r, o.timeout_seconds);
    if (failures.empty()) out << "\n";
    else out << ", after these checks failed:\n" << indent_lines(failures, 10);
  } else if (!failures.empty()) {
    out << "the functional tests found " << failures.size()
        << (failures.size() == 1 ? " failing check" : " failing checks") << ":\n"
        << indent_lines(failures, 10);
  } else if (r.exited_with(boost_test_failed) || r.exited_with(boost_test_error)) {
    out << "the functional tests failed (exit code " << *r.exit_code << "); see the output below\n";
  } else if (r.exited_with(0) && report.all_passed() && !not_passed.empty()) {
    out << "not every test case of the grader passed (" << not_passed.size() << " of them did not run or were "
        << "skipped): a test case that does not run is not a pass:\n"
        << indent_lines(not_passed, 10);
  } else if (r.exited_with(0)) {
    out << unproven_exit(r, report) << "\n";
  } else {
    out << ending_summary(r, o.timeout_seconds) << "\n";
  }
}

JudgeVerdict unlisted(const JudgeOptions& o, const std::string& problem, std::ostream& out) {
  out << headline(o, judge_failed) << "the grader could not list its test cases (" << problem
      << "), so none of them can be shown to have passed\n"
      << what_to_do(o);
  return {judge_failed, {}};
}

}  // namespace

std::optional<std::vector<std::string>> list_test_cases(const JudgeOptions& o, std::string& problem) {
  TempDir dir("racelab-list");
  RunRequest request = limited_request(o, dir.path());
  request.command.push_back("--list_content");
  const RunResult r = run_process(request);
  if (!r.exited_with(0)) {
    problem = "--list_content: " + ending_summary(r, o.timeout_seconds);
    return std::nullopt;
  }
  auto cases = parse_test_list(r.output);
  if (cases.empty()) {
    problem = "--list_content named no test case";
    return std::nullopt;
  }
  return cases;
}

JudgeVerdict judge_functional(const JudgeOptions& o, std::ostream& out) {
  std::string problem;
  const auto listed = list_test_cases(o, problem);
  if (!listed) return unlisted(o, problem, out);
  const SeedPlan plan = seed_plan(o);
  RunBudget budget(run_budget(o));
  FunctionalRun last;
  for (const std::uint64_t seed : plan.seeds) {
    if (!budget.another_fits()) break;
    last = run_once(o, *listed, seed);
    budget.ran(last.result.elapsed);
    if (last.passed()) continue;
    // The first bad run decides: a wrong program fails whichever run exposed it.
    out << headline(o, judge_failed);
    explain_failure(o, last.result, last.report, last.not_passed, out);
    out << failing_run_note(o, seed, budget.runs(), plan);
    out << what_to_do(o);
    section(out, "test output", last.result.output);
    return {judge_failed, {}};
  }
  out << headline(o, judge_passed);
  note_leftovers(last.result, out);
  out << passing_runs_note(plan, budget.runs());
  return {judge_passed, {}};
}

}  // namespace racelab::lab
