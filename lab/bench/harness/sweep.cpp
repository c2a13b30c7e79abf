#include "bench/harness/sweep.hpp"

#include "bench/harness/driver_run.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <thread>

namespace racelab::lab::bench {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

std::vector<int> doubling_up_to(int limit) {
  std::vector<int> counts;
  for (int n = 1; n < limit; n *= 2) counts.push_back(n);
  counts.push_back(std::max(limit, 1));
  return counts;
}

std::vector<Series> plan_series(const BenchOptions& o) {
  const int cores = static_cast<int>(o.cores != 0 ? o.cores : std::max(1u, std::thread::hardware_concurrency()));
  const auto cpu = o.cpu_workers.empty() ? doubling_up_to(cores) : o.cpu_workers;
  // Waiting threads do not compete for cores: I/O scales past them.
  const auto io = o.io_workers.empty() ? doubling_up_to(4 * cores) : o.io_workers;
  const int max_cpu = *std::max_element(cpu.begin(), cpu.end());
  const auto wants = [&](const std::string& w) {
    return std::find(o.workloads.begin(), o.workloads.end(), w) != o.workloads.end();
  };
  std::vector<Series> series;
  if (wants("primes")) {
    // A few dozen numbers per worker keep the last worker's tail short, on any core count.
    const auto per_worker = static_cast<std::size_t>(o.quick ? 24 : 48);
    series.push_back({"primes", std::max<std::size_t>(48, per_worker * static_cast<std::size_t>(max_cpu)), cpu, {}, {}});
  }
  if (wants("tables")) {
    const std::size_t tables = o.quick ? 20 : 40;
    std::vector<int> capped;
    for (int n : io) {
      if (static_cast<std::size_t>(n) <= tables) capped.push_back(n);
    }
    series.push_back({"tables", tables, capped, {}, {}});
    // 1000 tables: the sequential run would take 20 s, so its time is scaled
    // from the small series; threads run only at the most workers.
    Series many{"tables", 1000, {*std::max_element(io.begin(), io.end())}, {"coroutines"}, 0.0};
    if (!o.quick) many.only.push_back("threads");
    series.push_back(many);
  }
  if (wants("counter")) series.push_back({"counter", o.quick ? 2'000'000u : 8'000'000u, cpu, {}, {}});
  return series;
}

namespace {

/// One point to measure, and where its timings go.
struct Task {
  std::filesystem::path driver;
  std::size_t point;  ///< index into report.points
};

struct Plan {
  std::vector<std::vector<Task>> groups;  ///< tasks of one point on both sides, interleaved per round
};

std::vector<DriverStrategy> strategies_for(const std::vector<DriverStrategy>& all, const Series& s) {
  std::vector<DriverStrategy> chosen;
  for (const auto& d : all) {
    if (d.workload != s.workload) continue;
    if (!s.only.empty() && std::find(s.only.begin(), s.only.end(), d.name) == s.only.end()) continue;
    chosen.push_back(d);
  }
  return chosen;
}

struct Side {
  std::string name;
  std::filesystem::path driver;
  std::vector<DriverStrategy> strategies;
};

std::vector<Side> sides_of(const BenchOptions& o) {
  std::vector<Side> sides;
  sides.push_back({"reference", o.reference_driver, list_strategies(o.reference_driver)});
  if (!o.reference) {
    // Only the baseline is needed from the reference: the sequential strategies.
    std::erase_if(sides.back().strategies, [](const DriverStrategy& d) { return d.name != "sequential"; });
  }
  if (o.student) {
    for (const auto& driver : o.student_drivers) sides.push_back({"student", driver, list_strategies(driver)});
  }
  return sides;
}

/// Builds the points and groups them: a group holds the same (series, strategy,
/// workers) on every side, so each round measures them back to back.
Plan make_plan(BenchReport& report, const std::vector<Side>& sides) {
  Plan plan;
  std::map<std::string, std::size_t> group_of;
  for (const auto& series : report.series) {
    for (const auto& side : sides) {
      for (const auto& strategy : strategies_for(side.strategies, series)) {
        const bool is_baseline = strategy.name == "sequential";
        if (is_baseline && series.estimated_sequential_seconds) continue;
        const std::vector<int> workers = strategy.uses_workers ? series.workers : std::vector<int>{1};
        for (int n : workers) {
          PointResult p;
          p.side = side.name;
          p.workload = series.workload;
          p.size = series.size;
          p.strategy = strategy.name;
          p.workers = n;
          p.uses_workers = strategy.uses_workers;
          report.points.push_back(p);
          const std::string key = series.workload + "/" + std::to_string(series.size) + "/" + strategy.name + "/" +
                                  std::to_string(n);
          auto [it, added] = group_of.try_emplace(key, plan.groups.size());
          if (added) plan.groups.emplace_back();
          plan.groups[it->second].push_back({side.driver, report.points.size() - 1});
        }
      }
    }
  }
  return plan;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string point_label(const PointResult& p) {
  std::ostringstream s;
  s << p.side << " " << p.workload << "[" << p.size << "] " << p.strategy << " ×" << p.workers;
  return s.str();
}

}  // namespace

BenchReport run_bench(const BenchOptions& o, const ProgressSink& progress) {
  BenchReport report;
  report.cores = o.cores != 0 ? o.cores : std::max(1u, std::thread::hardware_concurrency());
  report.quick = o.quick;
  report.warmup = o.warmup;
  report.noise_threshold = o.noise_threshold;
  report.series = plan_series(o);
  const auto start = Clock::now();
  const auto sides = sides_of(o);
  Plan plan = make_plan(report, sides);
  std::size_t measurements = 0;
  for (const auto& g : plan.groups) measurements += g.size();

  // Rounds are the outer loop: every point gets one repetition per round, so a
  // slow minute on a shared machine spreads over all points instead of ruining one.
  int rounds = o.reps;
  for (int round = 0; round < rounds; ++round) {
    const auto round_start = Clock::now();
    std::size_t done = 0;
    for (auto& group : plan.groups) {
      // ABBA: the side measured first alternates, so a steady drift cancels out.
      if (round % 2 == 1) std::reverse(group.begin(), group.end());
      for (const auto& task : group) {
        PointResult& p = report.points[task.point];
        ++done;
        if (!p.problem.empty()) continue;  // a wrong answer or a crash is not measured again
        DriverCall call{task.driver, p.workload, p.strategy, p.workers, p.size, 1, o.warmup};
        const DriverOutcome outcome = run_driver(call);
        if (outcome.ok) {
          p.seconds.insert(p.seconds.end(), outcome.seconds.begin(), outcome.seconds.end());
        } else {
          p.problem = outcome.problem;
        }
        progress("[round " + std::to_string(round + 1) + "/" + std::to_string(rounds) + ", " + std::to_string(done) +
                 "/" + std::to_string(measurements) + "] " + point_label(p) +
                 (outcome.ok ? "" : ": " + outcome.problem));
      }
    }
    // After the first round the cost of a round is known: fit the rest into the budget.
    if (round == 0 && o.budget_seconds > 0) {
      const double per_round = seconds_since(round_start);
      const double left = o.budget_seconds - seconds_since(start);
      const int affordable = 1 + static_cast<int>(std::max(0.0, left) / std::max(per_round, 1e-3));
      if (affordable < rounds) {
        rounds = std::max(1, affordable);
        std::ostringstream note;
        note << "time budget " << o.budget_seconds << " s: one round takes " << std::lround(per_round)
             << " s, so " << rounds << " repetition" << (rounds == 1 ? "" : "s") << " per point instead of "
             << o.reps << (rounds < 3 ? " (too few to judge noise: raise --budget)" : "");
        report.notes.push_back(note.str());
      }
    }
  }
  report.reps = rounds;
  report.elapsed_seconds = seconds_since(start);
  summarise(report);
  return report;
}

namespace {

const PointResult* reference_sequential(const BenchReport& report, const std::string& workload, std::size_t size) {
  for (const auto& p : report.points) {
    if (p.side == "reference" && p.workload == workload && p.size == size && p.strategy == "sequential" &&
        p.problem.empty() && !p.seconds.empty())
      return &p;
  }
  return nullptr;
}

/// The baseline of a series: measured, or scaled from a measured series of the
/// same workload by the size ratio (sequential work grows linearly with size).
std::optional<std::pair<double, bool>> baseline_of(const BenchReport& report, const Series& s) {
  if (!s.estimated_sequential_seconds) {
    const auto* seq = reference_sequential(report, s.workload, s.size);
    if (seq == nullptr) return std::nullopt;
    return std::pair{median(seq->seconds), false};
  }
  for (const auto& other : report.series) {
    if (other.workload != s.workload || other.estimated_sequential_seconds) continue;
    if (const auto* seq = reference_sequential(report, other.workload, other.size)) {
      return std::pair{median(seq->seconds) * static_cast<double>(s.size) / static_cast<double>(other.size), true};
    }
  }
  return std::nullopt;
}

}  // namespace

void summarise(BenchReport& report) {
  for (auto& s : report.series) {
    const auto baseline = baseline_of(report, s);
    if (baseline && baseline->second) s.estimated_sequential_seconds = baseline->first;
    for (auto& p : report.points) {
      if (p.workload != s.workload || p.size != s.size || p.seconds.empty()) continue;
      p.median = median(p.seconds);
      p.spread = spread(p.seconds);
      p.noisy = p.seconds.size() >= 2 && p.spread > report.noise_threshold;
      if (baseline) {
        p.speedup = speedup(baseline->first, p.median);
        p.efficiency = efficiency(p.speedup, p.workers);
        p.baseline_estimated = baseline->second;
      }
    }
  }
  report.curves.clear();
  std::map<std::string, std::size_t> index;
  for (const auto& p : report.points) {
    const std::string key = p.side + "/" + p.workload + "/" + std::to_string(p.size) + "/" + p.strategy;
    auto [it, added] = index.try_emplace(key, report.curves.size());
    if (added) report.curves.push_back({p.side, p.workload, p.strategy, p.size, {}});
  }
  for (auto& curve : report.curves) {
    std::vector<ScalingPoint> points;
    for (const auto& p : report.points) {
      if (p.side == curve.side && p.workload == curve.workload && p.size == curve.size &&
          p.strategy == curve.strategy && p.speedup > 0)
        points.push_back({p.workers, p.speedup});
    }
    curve.serial_fraction = amdahl_serial_fraction(points);
  }
}

}  // namespace racelab::lab::bench
