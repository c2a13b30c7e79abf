// The perf judge's measurement. A busy machine slows the student's run and the
// reference's alike only when they run at the same time of its day, so each
// strategy is measured in pairs, back to back, the side going first
// alternating, and judged by the ratio within each pair. A strategy is decided
// as soon as the confidence interval of the median ratio lies on one side of
// its threshold; until then rounds are added, up to a time budget.

#include "judge/perf_measurement.hpp"

#include "bench/harness/machine_load.hpp"
#include "bench/harness/stats.hpp"

#include <algorithm>
#include <cstdio>

namespace racelab::lab {
namespace {

using bench::DriverCall;

/// Below this share of a core, a sequential run of CPU-bound work was kept
/// waiting for a CPU by other work.
constexpr double busy_core_share = 0.85;
/// Above this share of the time some task waited for a CPU, the machine was busy.
constexpr double busy_stall_share = 0.25;

std::string fixed(double v, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

bool cpu_bound(const std::string& workload) { return workload != "tables"; }

/// One run of a driver; its timed seconds, or 0 with `problem` set.
double run_once(const PerfPlan& plan, const std::filesystem::path& driver, const PerfContest& c,
                const std::string& strategy, bool uses_workers, std::string& problem, PerfLoad* load) {
  // No warm-up: both sides of a pair start alike, and a round costs half.
  DriverCall call{driver, c.strategy.workload, strategy, uses_workers ? c.workers : 1, c.size, 1, 0, plan.call_limit};
  const auto outcome = bench::run_driver(call);
  if (!outcome.ok || outcome.seconds.empty()) {
    problem = outcome.problem.empty() ? "the driver reported no timing" : outcome.problem;
    return 0;
  }
  if (load != nullptr && outcome.process_seconds > 0 &&
      outcome.cpu_seconds < busy_core_share * outcome.process_seconds) {
    ++load->slow_sequential_rounds;
  }
  return outcome.seconds.front();
}

bool wants_more(const PerfContest& c) { return c.decision == PerfDecision::undecided; }

/// Some undecided strategy's reference cannot show its speed-up, or the machine shows load.
bool busy_now(const PerfMeasurement& m, const bench::CpuPressure& pressure) {
  PerfLoad load = m.load;
  load.stalled_share = pressure.stalled_share();
  return !load.signs().empty() || std::any_of(m.contests.begin(), m.contests.end(), [](const PerfContest& c) {
    return wants_more(c) && !c.discernible();
  });
}

/// One round: per workload still undecided, the reference's sequential run;
/// then each undecided strategy on both sides, the side going first alternating.
void measure_round(const PerfPlan& plan, PerfMeasurement& m, int round) {
  std::map<std::string, double> sequential;
  for (const auto& c : m.contests) {
    if (!wants_more(c) || sequential.count(c.strategy.workload)) continue;
    std::string problem;
    PerfLoad* load = cpu_bound(c.strategy.workload) ? &m.load : nullptr;
    sequential[c.strategy.workload] = run_once(plan, plan.reference_driver, c, "sequential", false, problem, load);
    if (!problem.empty()) m.kit_problem = problem;
  }
  if (!m.kit_problem.empty()) return;
  for (auto& c : m.contests) {
    if (!wants_more(c)) continue;
    PerfPair pair;
    pair.sequential = sequential.at(c.strategy.workload);
    std::string kit_problem;
    const auto student = [&] {
      pair.student = run_once(plan, plan.student_driver, c, c.strategy.name, c.strategy.uses_workers, c.problem, nullptr);
    };
    const auto reference = [&] {
      pair.reference =
          run_once(plan, plan.reference_driver, c, c.strategy.name, c.strategy.uses_workers, kit_problem, nullptr);
    };
    if (round % 2 == 0) {
      reference();
      student();
    } else {
      student();
      reference();
    }
    if (!kit_problem.empty()) {
      m.kit_problem = kit_problem;
      return;
    }
    // No strategy outruns both its worker count and the reference by this much:
    // such a time was not measured, it was reported.
    const double possible = 2 * std::max<double>(c.workers, pair.reference_speedup());
    if (c.problem.empty() && pair.student_speedup() > possible) {
      c.problem = "it reported a speed-up of " + fixed(pair.student_speedup(), 2) + "× with " +
                  std::to_string(c.workers) + (c.workers == 1 ? " worker" : " workers") + " (the reference: " +
                  fixed(pair.reference_speedup(), 2) +
                  "×), more than the machine can give: a time that was not measured is not a result";
    }
    if (!c.problem.empty()) {
      c.decision = PerfDecision::failed;
      continue;
    }
    c.pairs.push_back(pair);
  }
  ++m.load.rounds;
}

/// Decides a contest whose interval lies on one side of the threshold.
void decide_by_interval(PerfContest& c) {
  const auto interval = c.ratio_interval();
  if (!interval) return;
  switch (bench::side_of(*interval, c.threshold)) {
    case bench::Side::below: c.decision = PerfDecision::failed; break;
    case bench::Side::above:
      if (c.discernible()) c.decision = PerfDecision::passed;
      break;
    case bench::Side::straddles: break;
  }
}

/// The budget is spent: a contest still undecided is judged on its median when
/// nothing else shared the machine, and left unmeasured when something did.
void decide_at_the_end(PerfContest& c, const PerfLoad& load) {
  if (!c.discernible()) {
    c.decision = PerfDecision::unmeasured;
    c.why = "the reference " + c.strategy.name + " strategy reached only " + fixed(c.median_reference_speedup(), 2) +
            "× over sequential here, too little to tell a parallel strategy from a serial one: other work was "
            "using the cores";
    return;
  }
  const auto interval = c.ratio_interval();
  const std::string straddle =
      interval ? "the ratio's " + fixed(perf_confidence * 100, 0) + "% interval, " + fixed(interval->low * 100, 0) +
                     "%–" + fixed(interval->high * 100, 0) + "%, still contained the " +
                     fixed(c.threshold * 100, 0) + "% needed after " + std::to_string(c.pairs.size()) + " pairs"
               : "too few pairs could be measured in the time allowed";
  if (const auto signs = load.signs(); !signs.empty() || !interval) {
    c.decision = PerfDecision::unmeasured;
    c.why = straddle + (signs.empty() ? "" : ", and " + signs);
    return;
  }
  c.decision = c.median_ratio() >= c.threshold ? PerfDecision::passed : PerfDecision::failed;
  c.why = straddle + " on a quiet machine: judged on the median ratio";
}

}  // namespace

std::vector<double> PerfContest::ratios() const {
  std::vector<double> r;
  for (const auto& p : pairs) r.push_back(p.ratio());
  return r;
}

double PerfContest::median_ratio() const { return bench::median(ratios()); }

double PerfContest::median_reference_speedup() const {
  std::vector<double> s;
  for (const auto& p : pairs) s.push_back(p.reference_speedup());
  return bench::median(s);
}

double PerfContest::median_student_speedup() const {
  std::vector<double> s;
  for (const auto& p : pairs) s.push_back(p.student_speedup());
  return bench::median(s);
}

std::optional<bench::Interval> PerfContest::ratio_interval() const {
  return bench::median_interval(ratios(), perf_confidence);
}

bool PerfContest::discernible() const {
  // A strategy that uses no workers (coroutines on one thread) is compared
  // with a reference that does not scale either: any ratio is meaningful.
  return !strategy.uses_workers || median_reference_speedup() * threshold >= discernible_margin;
}

std::string PerfLoad::signs() const {
  std::string signs;
  if (slow_sequential_rounds > 0) {
    signs = "in " + std::to_string(slow_sequential_rounds) + " of " + std::to_string(rounds) +
            " rounds the sequential run got less than " + fixed(busy_core_share * 100, 0) + "% of a core";
  }
  if (stalled_share && *stalled_share > busy_stall_share) {
    signs += (signs.empty() ? "" : "; ") + std::string("tasks waited for a CPU ") + fixed(*stalled_share * 100, 0) +
             "% of the time (/proc/pressure/cpu)";
  }
  return signs;
}

void measure_and_decide(const PerfPlan& plan, PerfMeasurement& m) {
  const bench::CpuPressure pressure;
  const auto start = std::chrono::steady_clock::now();
  const auto fewest = static_cast<int>(bench::fewest_values_for(perf_confidence));
  for (int round = 0; round < plan.most_rounds; ++round) {
    measure_round(plan, m, round);
    if (!m.kit_problem.empty()) return;
    if (round + 1 >= fewest) {
      for (auto& c : m.contests) {
        if (wants_more(c)) decide_by_interval(c);
      }
    }
    if (std::none_of(m.contests.begin(), m.contests.end(), wants_more)) break;
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The budget holds from the first round: on a machine so busy that even
    // the fewest pairs do not fit, the strategies left are not measured.
    if (spent * (round + 2) / (round + 1) > plan.budget_seconds) break;
    // On a busy machine, twice the fewest pairs: the load was given a chance to
    // pass, and a suite of perf tests on a shared runner must still end in time.
    if (round + 1 >= 2 * fewest && busy_now(m, pressure)) break;
  }
  m.load.stalled_share = pressure.stalled_share();
  for (auto& c : m.contests) {
    if (wants_more(c)) decide_at_the_end(c, m.load);
  }
}

}  // namespace racelab::lab
