#pragma once
/// \file
/// The outputs of `racelab bench`: the terminal table, JSON, CSV and SVG charts.

#include "bench/harness/sweep.hpp"

#include <boost/json/value.hpp>

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace racelab::lab::bench {

void write_table(const BenchReport& report, std::ostream& out);
boost::json::value to_json(const BenchReport& report);
void write_csv(const BenchReport& report, std::ostream& out);
/// One chart: speed-up against workers for one series, a line per (side, strategy)
/// labelled at its end, and the ideal line y = x.
std::string svg_chart(const BenchReport& report, const std::string& workload, std::size_t size);

/// Writes bench.json, bench.csv and one speedup-<workload>-<size>.svg per series into `dir`;
/// returns the files written.
std::vector<std::filesystem::path> write_outputs(const BenchReport& report, const std::filesystem::path& dir);

}  // namespace racelab::lab::bench
