#pragma once
/// \file
/// Points as every output writes them.

#include <boost/json/fwd.hpp>

#include <string>

namespace racelab::lab {

/// "3", "2.5": points rounded to hundredths, without trailing zeros.
std::string points_text(double points);

/// Points as a JSON number: a whole number as an integer (3, not 3E0), else a double.
boost::json::value points_json(double points);

}  // namespace racelab::lab
