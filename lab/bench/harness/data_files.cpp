// bench.json and bench.csv: every point of a sweep, for scripts and spreadsheets.

#include "bench/harness/outputs.hpp"

#include "bench/harness/wording.hpp"
#include "core/csv.hpp"

#include <boost/json.hpp>

#include <ostream>

namespace racelab::lab::bench {

boost::json::value to_json(const BenchReport& r) {
  boost::json::array points;
  for (const auto& p : r.points) {
    boost::json::array seconds(p.seconds.begin(), p.seconds.end());
    boost::json::object o{{"side", p.side},       {"workload", p.workload}, {"size", p.size},
                          {"strategy", p.strategy}, {"workers", p.workers},  {"seconds", std::move(seconds)},
                          {"median_seconds", p.median}, {"spread", p.spread}, {"noisy", p.noisy},
                          {"speedup", p.speedup}, {"efficiency", p.efficiency},
                          {"baseline", p.baseline_estimated ? "scaled" : "measured"},
                          {"uses_workers", p.uses_workers}};
    if (!p.problem.empty()) o["problem"] = p.problem;
    points.push_back(std::move(o));
  }
  boost::json::array curves;
  for (const auto& c : r.curves) {
    boost::json::object o{{"side", c.side}, {"workload", c.workload}, {"size", c.size}, {"strategy", c.strategy}};
    o["serial_fraction"] = c.serial_fraction ? boost::json::value(*c.serial_fraction) : boost::json::value(nullptr);
    curves.push_back(std::move(o));
  }
  boost::json::array notes(r.notes.begin(), r.notes.end());
  return boost::json::object{{"cores", r.cores},
                             {"quick", r.quick},
                             {"reps", r.reps},
                             {"warmup", r.warmup},
                             {"noise_threshold", r.noise_threshold},
                             {"elapsed_seconds", r.elapsed_seconds},
                             {"points", std::move(points)},
                             {"curves", std::move(curves)},
                             {"notes", std::move(notes)}};
}

void write_csv(const BenchReport& r, std::ostream& out) {
  out << "side,workload,size,strategy,workers,reps,median_seconds,spread,noisy,speedup,efficiency,baseline,"
         "serial_fraction,problem\n";
  for (const auto& p : r.points) {
    const auto* curve = curve_of(r, p);
    const bool measured = !p.seconds.empty();
    out << p.side << ',' << p.workload << ',' << p.size << ',' << p.strategy << ',' << p.workers << ','
        << p.seconds.size() << ',' << (measured ? fixed(p.median, 6) : "") << ','
        << (measured ? fixed(p.spread, 4) : "") << ',' << (p.noisy ? "yes" : "no") << ','
        << (p.speedup > 0 ? fixed(p.speedup, 4) : "") << ',' << (p.speedup > 0 ? fixed(p.efficiency, 4) : "") << ','
        << (p.baseline_estimated ? "scaled" : "measured") << ','
        << (curve && curve->serial_fraction ? fixed(*curve->serial_fraction, 4) : "") << ','
        << csv_field(p.problem) << '\n';
  }
}

}  // namespace racelab::lab::bench
