#pragma once
/// \file
/// Checks of numeric options that say in plain words what the option takes
/// ("--workers: expects a whole number of at least 1, not 'abc'"); CLI11's own
/// print ranges such as "1 to 1.79769e+308".

#include <CLI/CLI.hpp>

#include <limits>

namespace racelab::lab {

/// A whole number from `min` to `max` (no upper bound by default).
CLI::Validator whole_number(long long min, long long max = std::numeric_limits<long long>::max());

/// A number (a fraction allowed) from `min` to `max`, or above 0 when `min` is 0 and `exclusive_min`.
CLI::Validator number_between(double min, double max, bool exclusive_min = false);

/// A number of seconds, MiB… above 0 (a fraction allowed).
CLI::Validator positive_number();

}  // namespace racelab::lab
