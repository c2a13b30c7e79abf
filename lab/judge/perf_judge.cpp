// The perf judge: each strategy a student's driver registers is measured
// against the kit's reference strategy of the same name, in the same run, and
// graded by the ratio of their speed-ups — never by an absolute time, so a
// slow or busy machine slows both sides alike. When other work on the machine
// leaves a ratio undecided, the verdict is "could not measure": no verdict
// either way (exit status 3, which ctest reports as skipped).

#include "judge/perf_judge.hpp"

#include "core/course.hpp"
#include "judge/perf_measurement.hpp"
#include "judge/verdict_text.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <thread>

namespace racelab::lab {
namespace {

using bench::DriverStrategy;

/// Where a workload is judged. CPU-bound strategies use up to 4 workers: enough
/// for a serialising "fix" (about 1×) to stand far from a parallel one, and no
/// more, so a 64-core machine judges as quickly as a 2-core one. Waiting scales
/// past the cores, so the tables always use 8.
struct JudgePoint {
  int workers;
  std::size_t size;
};

JudgePoint judge_point(const std::string& workload, unsigned cores) {
  if (workload == "tables") return {8, 32};
  const int workers = static_cast<int>(std::min(cores, 4u));
  if (workload == "counter") return {workers, 400'000};
  return {workers, 32 * static_cast<std::size_t>(workers)};  // primes: ~6 ms a number, 32 per worker
}

std::string fixed(double v, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << v;
  return s.str();
}

std::string percent(double v) { return fixed(v * 100, 0) + "%"; }

/// What usually makes a strategy of this workload lose its speed-up.
std::string likely_cause(const std::string& workload) {
  if (workload == "tables") {
    return "does a thread wait while holding a lock, or does a coroutine block its event loop "
           "(a sleep instead of co_await on a timer)?";
  }
  return "is all the work done while holding one lock, or does each worker wait for the previous one to finish?";
}

std::optional<PerfMeasurement> plan(const JudgeOptions& o, const Course& course, std::ostream& out) {
  const auto* exercise = course.find(o.exercise);
  if (exercise == nullptr || exercise->perf_min_ratio.empty()) {
    out << headline(o, judge_error) << course.file.string() << " sets no perf thresholds for exercise "
        << o.exercise << " (add perf = { strategy = ratio, … } to [exercise." << o.exercise << "])\n";
    return std::nullopt;
  }
  const auto reference = bench::list_strategies(o.reference);
  PerfMeasurement m;
  for (const auto& s : bench::list_strategies(o.command.front())) {
    const auto threshold = exercise->perf_min_ratio.find(s.name);
    if (threshold == exercise->perf_min_ratio.end()) continue;  // measured only where the course sets a bar
    const bool has_reference = std::any_of(reference.begin(), reference.end(), [&](const DriverStrategy& r) {
      return r.workload == s.workload && r.name == s.name;
    });
    if (!has_reference) {
      out << headline(o, judge_error) << "the reference driver has no " << s.workload << " strategy '"
          << s.name << "' to compare with\n";
      return std::nullopt;
    }
    const JudgePoint point = judge_point(s.workload, std::thread::hardware_concurrency());
    PerfContest c;
    c.strategy = s;
    c.workers = s.uses_workers ? point.workers : 1;
    c.size = point.size;
    c.threshold = threshold->second;
    m.contests.push_back(std::move(c));
  }
  if (m.contests.empty()) {
    out << headline(o, judge_error) << "the student's perf driver registers none of the strategies "
        << course.file.string() << " sets thresholds for\n";
    return std::nullopt;
  }
  return m;
}

std::filesystem::path course_file(const JudgeOptions& o) {
  if (!o.course.empty()) return o.course;
  for (const auto& start : {o.readme, o.sources}) {
    if (start.empty()) continue;
    if (auto found = find_course_file(start.parent_path())) return *found;
  }
  return locate_course_file(std::nullopt);
}

std::string decision_word(const PerfContest& c) {
  switch (c.decision) {
    case PerfDecision::failed: return "FAILED";
    case PerfDecision::unmeasured: return "could not measure";
    case PerfDecision::passed:
    case PerfDecision::undecided: break;
  }
  return "";
}

void table_row(std::ostream& table, const PerfContest& c) {
  table << std::left << std::setw(18) << c.strategy.name << std::right << std::setw(7) << c.workers;
  if (!c.problem.empty()) {
    table << "  failed: see above\n";
    return;
  }
  const auto interval = c.ratio_interval();
  const std::string range = interval ? percent(interval->low) + "–" + percent(interval->high) : "—";
  table << std::setw(17) << fixed(c.median_student_speedup(), 2) + "×" << std::setw(21)
        << fixed(c.median_reference_speedup(), 2) + "×" << std::setw(7) << percent(c.median_ratio())
        << std::setw(12) << range << std::setw(8) << percent(c.threshold) << std::setw(7) << c.pairs.size();
  const std::string word = decision_word(c);
  table << (word.empty() ? "" : "  " + word) << "\n";
}

/// Why a strategy failed, or could not be measured, for the student.
void explain(std::ostream& out, const PerfContest& c) {
  const std::string name = c.strategy.name;
  if (!c.problem.empty()) {
    out << "your " << name << " strategy: " << c.problem << "\n";
  } else if (c.decision == PerfDecision::failed) {
    out << "your " << name << " strategy ran " << fixed(c.median_student_speedup(), 2)
        << "× faster than sequential with " << c.workers << (c.workers == 1 ? " worker" : " workers")
        << "; the reference " << fixed(c.median_reference_speedup(), 2) << "×: " << percent(c.median_ratio())
        << " of it, at least " << percent(c.threshold) << " needed — " << likely_cause(c.strategy.workload) << "\n";
  } else if (c.decision == PerfDecision::unmeasured) {
    out << "your " << name << " strategy could not be measured: " << c.why << ".\n";
  }
}

JudgeStatus overall(const PerfMeasurement& m) {
  const auto any = [&](PerfDecision d) {
    return std::any_of(m.contests.begin(), m.contests.end(), [d](const PerfContest& c) { return c.decision == d; });
  };
  if (any(PerfDecision::failed)) return judge_failed;  // decided, whatever the others say
  if (any(PerfDecision::unmeasured)) return judge_unmeasured;
  return judge_passed;
}

JudgeStatus verdict(const JudgeOptions& o, const PerfMeasurement& m, std::ostream& out) {
  const JudgeStatus status = overall(m);
  out << headline(o, status);
  for (const auto& c : m.contests) explain(out, c);
  out << "strategy          workers  student speed-up  reference speed-up  ratio   95% range  needed  pairs\n";
  for (const auto& c : m.contests) table_row(out, c);
  out << "Speed-up = the reference's sequential time / the strategy's time; ratio = the median, over pairs of "
         "runs back to back (the student's and the reference's, on this machine, "
      << std::thread::hardware_concurrency()
      << " cores), of the reference's time / the student's. A strategy is decided once the " << percent(perf_confidence)
      << " range of that median lies on one side of the threshold.\n";
  for (const auto& c : m.contests) {
    if (!c.why.empty() && c.decision != PerfDecision::unmeasured) out << "note: " << c.strategy.name << ": " << c.why << ".\n";
  }
  if (const auto signs = m.load.signs(); !signs.empty()) out << "note: the machine was busy: " << signs << ".\n";
  if (status == judge_unmeasured) {
    out << "No verdict: nothing is lost or gained for this judge. Run it again when nothing else is running "
           "(close other programs, or wait for other builds to finish).\n";
  }
  if (status == judge_failed) out << what_to_do(o);
  return status;
}

}  // namespace

JudgeVerdict judge_perf(const JudgeOptions& o, std::ostream& out) {
  if (std::thread::hardware_concurrency() < 2) {
    out << headline(o, judge_unmeasured)
        << "this machine has one core: a parallel strategy cannot be told from a serial one here\n";
    return {judge_unmeasured, {}};
  }
  if (o.command.empty() || o.reference.empty()) {
    out << headline(o, judge_error) << "give --reference DRIVER and, after --, the student's driver\n";
    return {judge_error, {}};
  }
  try {
    const Course course = load_course(course_file(o));
    auto m = plan(o, course, out);
    if (!m) return {judge_error, {}};
    PerfPlan how;
    how.student_driver = o.command.front();
    how.reference_driver = o.reference;
    how.call_limit = std::chrono::milliseconds(static_cast<long long>(std::min(o.timeout_seconds, 60.0) * 1000));
    // Leave the last fifth of the judge's time for a run that overruns.
    how.budget_seconds = o.timeout_seconds * 0.6;
    measure_and_decide(how, *m);
    if (!m->kit_problem.empty()) {
      out << headline(o, judge_error) << "the reference driver failed: " << m->kit_problem << "\n";
      return {judge_error, {}};
    }
    return {verdict(o, *m, out), {}};
  } catch (const CourseError& e) {
    out << headline(o, judge_error) << e.message << "\n";
  } catch (const std::exception& e) {
    out << headline(o, judge_error) << e.what() << "\n";
  }
  return {judge_error, {}};
}

}  // namespace racelab::lab
