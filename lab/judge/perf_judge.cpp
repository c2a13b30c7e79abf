// The perf judge: each strategy a student's driver registers is measured
// against the kit's reference strategy of the same name, in the same run, and
// graded by the ratio of their speed-ups — never by an absolute time, so a
// slow or busy machine slows both sides alike.

#include "judge/perf_judge.hpp"

#include "bench/harness/driver_run.hpp"
#include "bench/harness/stats.hpp"
#include "core/course.hpp"
#include "judge/verdict_text.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>
#include <thread>

namespace racelab::lab {
namespace {

using bench::DriverCall;
using bench::DriverStrategy;

/// Rounds per batch, and batches at most: a noisy batch is measured again,
/// pooled with the earlier ones, up to this bound.
constexpr int rounds_per_batch = 5;
constexpr int max_batches = 3;

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

/// One strategy under judgement, and the timings of both sides.
struct Contest {
  DriverStrategy strategy;
  double threshold = 0;
  std::vector<double> student, reference;
  std::string problem;  ///< the student's driver failed: wrong answer, crash, time-out
  bool reference_problem = false;
};

struct Measurement {
  std::map<std::string, std::vector<double>> sequential;  ///< per workload, reference driver
  std::vector<Contest> contests;
  std::string kit_problem;  ///< the reference itself failed: the judge cannot run
};

std::chrono::milliseconds call_limit(const JudgeOptions& o) {
  return std::chrono::milliseconds(static_cast<long long>(std::min(o.timeout_seconds, 60.0) * 1000));
}

std::vector<double> measure_once(const JudgeOptions& o, const std::filesystem::path& driver, const std::string& workload,
                                 const std::string& strategy, bool uses_workers, std::string& problem) {
  const JudgePoint point = judge_point(workload, std::thread::hardware_concurrency());
  DriverCall call{driver, workload, strategy, uses_workers ? point.workers : 1, point.size, 1, 1, call_limit(o)};
  auto outcome = bench::run_driver(call);
  if (!outcome.ok) problem = outcome.problem;
  return outcome.seconds;
}

void append(std::vector<double>& to, const std::vector<double>& from) { to.insert(to.end(), from.begin(), from.end()); }

/// One round: the sequential baseline of each workload, then every strategy on
/// both sides back to back, the side going first alternating (ABBA).
void measure_round(const JudgeOptions& o, Measurement& m, int round) {
  for (auto& [workload, seconds] : m.sequential) {
    std::string problem;
    append(seconds, measure_once(o, o.reference, workload, "sequential", false, problem));
    if (!problem.empty()) m.kit_problem = problem;
  }
  for (auto& c : m.contests) {
    if (!c.problem.empty()) continue;
    const auto student = [&] {
      append(c.student, measure_once(o, o.command.front(), c.strategy.workload, c.strategy.name,
                                     c.strategy.uses_workers, c.problem));
    };
    const auto reference = [&] {
      std::string problem;
      append(c.reference, measure_once(o, o.reference, c.strategy.workload, c.strategy.name,
                                       c.strategy.uses_workers, problem));
      if (!problem.empty()) m.kit_problem = problem;
    };
    if (round % 2 == 0) {
      reference();
      student();
    } else {
      student();
      reference();
    }
  }
}

bool any_noisy(const Measurement& m) {
  for (const auto& [workload, seconds] : m.sequential) {
    if (bench::is_noisy(seconds)) return true;
  }
  return std::any_of(m.contests.begin(), m.contests.end(), [](const Contest& c) {
    return c.problem.empty() && (bench::is_noisy(c.student) || bench::is_noisy(c.reference));
  });
}

/// How far above 1× the reference must get for a serialised strategy (about 1×)
/// to fall clearly below the threshold: reference × threshold ≥ this margin.
constexpr double discernible_margin = 1.2;

/// A parallel strategy whose reference did not speed up enough: the machine's
/// cores were busy with something else, and the ratio cannot tell a parallel
/// strategy from a serialised one. Empty when every contest can be judged.
std::string indiscernible(const Measurement& m) {
  for (const auto& c : m.contests) {
    if (!c.problem.empty() || !c.strategy.uses_workers || c.reference.empty()) continue;
    const double reference =
        bench::speedup(bench::median(m.sequential.at(c.strategy.workload)), bench::median(c.reference));
    if (reference * c.threshold < discernible_margin) {
      return "the reference " + c.strategy.name + " strategy reached only " + fixed(reference, 2) +
             "× over sequential here, too little to tell a parallel strategy from a serial one: the cores "
             "were busy with other work. Run the perf judge again when nothing else is running.";
    }
  }
  return {};
}

void forget_timings(Measurement& m) {
  for (auto& [workload, seconds] : m.sequential) seconds.clear();
  for (auto& c : m.contests) {
    c.student.clear();
    c.reference.clear();
  }
}

std::optional<Measurement> plan(const JudgeOptions& o, const Course& course, std::ostream& out) {
  const auto* exercise = course.find(o.exercise);
  if (exercise == nullptr || exercise->perf_min_ratio.empty()) {
    out << headline(o, judge_error) << course.file.string() << " sets no perf thresholds for exercise "
        << o.exercise << " (add perf = { strategy = ratio, … } to [exercise." << o.exercise << "])\n";
    return std::nullopt;
  }
  const auto reference = bench::list_strategies(o.reference);
  Measurement m;
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
    m.contests.push_back({s, threshold->second, {}, {}, {}, false});
    m.sequential.try_emplace(s.workload);
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

JudgeStatus verdict(const JudgeOptions& o, const Measurement& m, int batches, std::ostream& out) {
  std::ostringstream table, failures;
  bool failed = false;
  table << "strategy          workers  student speed-up  reference speed-up  ratio  needed\n";
  for (const auto& c : m.contests) {
    const JudgePoint point = judge_point(c.strategy.workload, std::thread::hardware_concurrency());
    const int workers = c.strategy.uses_workers ? point.workers : 1;
    const std::string name = c.strategy.name;
    std::ostringstream row;
    row << std::left << std::setw(18) << name << std::right << std::setw(7) << workers;
    if (!c.problem.empty()) {
      failed = true;
      table << row.str() << "  failed: see below\n";
      failures << "your " << name << " strategy: " << c.problem << "\n";
      continue;
    }
    const double sequential = bench::median(m.sequential.at(c.strategy.workload));
    const double student = bench::speedup(sequential, bench::median(c.student));
    const double reference = bench::speedup(sequential, bench::median(c.reference));
    const double ratio = reference > 0 ? student / reference : 0;
    const bool passed = ratio >= c.threshold;
    table << row.str() << std::setw(17) << fixed(student, 2) + "×" << std::setw(21) << fixed(reference, 2) + "×"
          << std::setw(7) << percent(ratio) << std::setw(8) << percent(c.threshold) << (passed ? "" : "  FAILED")
          << "\n";
    if (!passed) {
      failed = true;
      failures << "your " << name << " strategy ran " << fixed(student, 2) << "× faster than sequential with "
               << workers << (workers == 1 ? " worker" : " workers") << "; the reference " << fixed(reference, 2)
               << "×: " << percent(ratio) << " of it, at least " << percent(c.threshold) << " needed — "
               << likely_cause(c.strategy.workload) << "\n";
    }
  }
  out << headline(o, failed ? judge_failed : judge_passed);
  out << failures.str();
  out << table.str();
  out << "Speed-up = the reference sequential time / the strategy's time, medians of "
      << m.sequential.begin()->second.size()
      << " interleaved runs on this machine (" << std::thread::hardware_concurrency() << " cores).\n";
  if (batches > 1) {
    out << "note: the first measurements were noisy (something else was using the machine), so they were "
           "repeated "
        << batches - 1 << (batches == 2 ? " time" : " times") << (any_noisy(m) ? "; still noisy, judged on medians" : "")
        << ".\n";
  }
  if (failed) out << what_to_do(o);
  return failed ? judge_failed : judge_passed;
}

}  // namespace

JudgeVerdict judge_perf(const JudgeOptions& o, std::ostream& out) {
  if (std::thread::hardware_concurrency() < 2) {
    out << headline(o, judge_error)
        << "this machine has one core: a parallel strategy cannot be told from a serial one here\n";
    return {judge_error, {}};
  }
  if (o.command.empty() || o.reference.empty()) {
    out << headline(o, judge_error) << "give --reference DRIVER and, after --, the student's driver\n";
    return {judge_error, {}};
  }
  try {
    const Course course = load_course(course_file(o));
    auto m = plan(o, course, out);
    if (!m) return {judge_error, {}};
    const auto start = std::chrono::steady_clock::now();
    const auto time_for_another = [&](int batches) {
      const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      return batches < max_batches && spent * (batches + 1) / batches < o.timeout_seconds * 0.8;
    };
    int batches = 0;
    for (;;) {
      for (int r = 0; r < rounds_per_batch; ++r) measure_round(o, *m, batches * rounds_per_batch + r);
      ++batches;
      if (!m->kit_problem.empty()) {
        out << headline(o, judge_error) << "the reference driver failed: " << m->kit_problem << "\n";
        return {judge_error, {}};
      }
      const bool busy = !indiscernible(*m).empty();
      if (!(busy || any_noisy(*m)) || !time_for_another(batches)) break;
      // Timings from a busy machine would drag the next batch's medians: start afresh.
      if (busy) forget_timings(*m);
    }
    const bool student_failed =
        std::any_of(m->contests.begin(), m->contests.end(), [](const Contest& c) { return !c.problem.empty(); });
    if (const auto busy = indiscernible(*m); !busy.empty() && !student_failed) {
      out << headline(o, judge_error) << busy << "\n";
      return {judge_error, {}};
    }
    return {verdict(o, *m, batches, out), {}};
  } catch (const CourseError& e) {
    out << headline(o, judge_error) << e.message << "\n";
  } catch (const std::exception& e) {
    out << headline(o, judge_error) << e.what() << "\n";
  }
  return {judge_error, {}};
}

}  // namespace racelab::lab
