#include "commands/number_checks.hpp"

#include <charconv>
#include <cstdio>
#include <string>

namespace racelab::lab {
namespace {

/// "0.01", "600", "1.5": the shortest way to write `value`.
std::string shown(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

/// Parses all of `text` as a T; false when something is left over or it is not a number.
template <typename T>
bool parse(const std::string& text, T& value) {
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && stop == end;
}

}  // namespace

CLI::Validator whole_number(long long min, long long max) {
  const bool bounded = max != std::numeric_limits<long long>::max();
  const std::string wanted = bounded ? "a whole number from " + std::to_string(min) + " to " + std::to_string(max)
                                     : "a whole number of at least " + std::to_string(min);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        long long value = 0;
        if (parse(text, value) && value >= min && value <= max) return {};
        return "expects " + wanted + ", not '" + text + "'";
      },
      bounded ? "INT in [" + std::to_string(min) + ", " + std::to_string(max) + "]"
              : "INT >= " + std::to_string(min));
}

CLI::Validator number_between(double min, double max, bool exclusive_min) {
  const std::string wanted = exclusive_min ? "a number above " + shown(min) + " and at most " + shown(max)
                                           : "a number from " + shown(min) + " to " + shown(max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        double value = 0;
        if (parse(text, value) && (exclusive_min ? value > min : value >= min) && value <= max) return {};
        return "expects " + wanted + ", not '" + text + "'";
      },
      "NUMBER in [" + shown(min) + ", " + shown(max) + "]");
}

CLI::Validator positive_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double value = 0;
        if (parse(text, value) && value > 0 && value <= std::numeric_limits<double>::max()) return {};
        return "expects a number above 0, not '" + text + "'";
      },
      "NUMBER > 0");
}

}  // namespace racelab::lab
