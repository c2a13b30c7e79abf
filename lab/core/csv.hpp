#pragma once
/// \file
/// CSV as spreadsheets read it (RFC 4180).

#include <string>

namespace racelab::lab {

/// `text` as one CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or a line end.
std::string csv_field(const std::string& text);

}  // namespace racelab::lab
