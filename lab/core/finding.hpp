#pragma once
/// \file
/// A problem a judge found, as data: what every report format shows and what
/// a judge's record carries to `racelab grade`.

#include "core/judge.hpp"

#include <boost/json/fwd.hpp>

#include <string>
#include <vector>

namespace racelab::lab {

/// One access of a data race.
struct FindingAccess {
  std::string operation;  ///< "write", "read", "atomic read"…
  std::string file;       ///< relative to the repository root when inside it
  int line = 0;
  int column = 0;
  std::string thread;                ///< "thread T2", "the main thread"
  std::vector<std::string> mutexes;  ///< held during the access (TSan's names)
};

/// One problem a judge found, tied to a place in the student's files when it can be.
struct GradeFinding {
  Judge judge = Judge::build;
  std::string kind;     ///< "data race", "racelab-missing-lock", "compile error", "escape hatch"…
  std::string message;  ///< one line in plain words
  std::string file;     ///< relative to the repository root when inside it; empty when unknown
  int line = 0;
  int column = 0;
  std::string object;                   ///< TSan: the variable or object ("global 'racelab::counter'")
  std::vector<FindingAccess> accesses;  ///< TSan data races: the two accesses, current first
  std::vector<std::string> notes;       ///< further lines (the checker's notes, TSan's details)
};

/// "counter.cpp:21:5" (as much of it as is known); empty when the finding has no file.
std::string finding_position(const GradeFinding& finding);

/// The finding as report.json and the records write it.
boost::json::object finding_to_json(const GradeFinding& finding);

/// The findings as report.json writes them.
boost::json::array findings_to_json(const std::vector<GradeFinding>& findings);

/// Reads what finding_to_json wrote, as found by `judge` (a record holds one judge's findings, so
/// its own "judge" field is not trusted); missing fields stay empty.
GradeFinding finding_from_json(const boost::json::object& object, Judge judge);

}  // namespace racelab::lab
