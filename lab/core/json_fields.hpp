#pragma once
/// \file
/// Fields of JSON written by another program (a judge's record, the
/// checker's output), read leniently: a missing or mistyped field is empty.

#include <boost/json/fwd.hpp>

#include <string>

namespace racelab::lab {

/// The string at `key`; empty when there is none.
std::string string_field(const boost::json::object& object, const char* key);

/// The number at `key` as an int; 0 when there is none.
int int_field(const boost::json::object& object, const char* key);

}  // namespace racelab::lab
