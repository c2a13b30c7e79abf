#include "core/points.hpp"

#include <boost/json/value.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace racelab::lab {

std::string points_text(double points) {
  const double rounded = std::round(points * 100) / 100;
  char text[32];
  std::snprintf(text, sizeof text, "%g", rounded);
  return text;
}

boost::json::value points_json(double points) {
  const double rounded = std::round(points * 100) / 100;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15) return static_cast<std::int64_t>(rounded);
  return rounded;
}

}  // namespace racelab::lab
