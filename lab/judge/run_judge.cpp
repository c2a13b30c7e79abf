// The judge's entry: escape hatches first, then the judge itself; its verdict
// printed, and recorded for `racelab grade` when grade asks for records.

#include "judge/judge.hpp"

#include "core/judge_headline.hpp"
#include "core/judge_record.hpp"
#include "judge/functional_judge.hpp"
#include "judge/hatch_check.hpp"
#include "judge/perf_judge.hpp"
#include "judge/policy_cache.hpp"
#include "judge/policy_check.hpp"
#include "judge/static_judge.hpp"
#include "judge/tsan_judge.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/isolation.hpp"
#include "sandbox/process.hpp"

#include <cstdlib>
#include <optional>
#include <ostream>
#include <sstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// Where grade wants this run's record: read once as the judge starts (the
/// student's program is started without the variable).
std::optional<fs::path> records_folder() {
  const char* dir = std::getenv(results_dir_variable);
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  return fs::path(dir);
}

JudgeVerdict run_the_judge(const JudgeOptions& options, std::ostream& out) {
  switch (options.judge) {
    case Judge::functional: return judge_functional(options, out);
    case Judge::tsan: return judge_tsan(options, out);
    case Judge::static_check: return judge_static(options, out);
    case Judge::perf: return judge_perf(options, out);
    case Judge::build: break;
  }
  out << headline(options, judge_error) << "the build step is ctest's, not a judge racelab runs\n";
  return {judge_error, {}};
}

}  // namespace

std::string absolute_in_sources(const JudgeOptions& options, const std::string& file) {
  if (file.empty() || fs::path(file).is_absolute() || options.sources.empty()) return file;
  return (fs::absolute(options.sources) / file).lexically_normal().string();
}

JudgeVerdict judge_verdict(const JudgeOptions& options, std::ostream& out) {
  if (options.command.empty()) {
    out << headline(options, judge_error) << "no command given after --\n";
    return {judge_error, {}};
  }
  try {
    // Code that breaks the exercise's policy earns nothing from any judge;
    // a judge told to look away gives no credit, whatever the run would say.
    if (auto failed = fail_for_policy(options, out)) return std::move(*failed);
    if (options.judge != Judge::perf) {
      if (auto failed = fail_for_escape_hatches(options, out)) return std::move(*failed);
    }
    JudgeVerdict verdict = run_the_judge(options, out);
    // The static judge runs the kit's checker, not the student's program.
    if (options.judge != Judge::static_check && !sandbox_state().available) {
      out << not_isolated_note(sandbox_state().why_not) << "\n";
      // The program could write anywhere, a remembered policy verdict too.
      forget_policy_verdicts(options);
    }
    return verdict;
  } catch (const RunError& error) {
    out << headline(options, judge_error) << error.message << "\n";
    if (options.judge != Judge::static_check) {
      out << "(has the build step, exercise " << options.exercise << ".build, succeeded?)\n";
    }
    return {judge_error, {}};
  }
}

int run_judge(const JudgeOptions& options, std::ostream& out) {
  const auto records = records_folder();
  JudgeOptions run = options;
  run.findings_as_data = records.has_value();
  std::ostringstream text;
  JudgeVerdict verdict = judge_verdict(run, text);
  out << text.str() << std::flush;
  if (records) {
    JudgeRecord record;
    record.exercise = options.exercise;
    record.judge = options.judge;
    record.verdict = verdict.status;
    record.summary = verdict.status == judge_passed ? "" : failure_summary(options.judge, text.str());
    record.findings = std::move(verdict.findings);
    write_record(*records, record);
  }
  return verdict.status;
}

}  // namespace racelab::lab
