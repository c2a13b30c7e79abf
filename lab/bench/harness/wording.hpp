#pragma once
/// \file
/// Numbers and names as the bench outputs show them.

#include "bench/harness/sweep.hpp"

#include <string>

namespace racelab::lab::bench {

/// `value` with `decimals` digits after the point.
std::string fixed(double value, int decimals);

/// "352 ms", "1.25 s", "84 µs": three significant digits in a unit that fits.
std::string duration_text(double seconds);

/// What a workload's size counts: "numbers", "tables", "increments".
std::string unit_of(const std::string& workload);

/// The curve `point` lies on; nullptr when none was summarised.
const CurveSummary* curve_of(const BenchReport& report, const PointResult& point);

}  // namespace racelab::lab::bench
