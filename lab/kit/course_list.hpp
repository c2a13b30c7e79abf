#pragma once
/// \file
/// `racelab list`: the course's exercises, their folders, judges and points.

#include <iosfwd>
#include <string>

namespace racelab::lab {

struct ListOptions {
  std::string course;  ///< empty: lab/course.toml found upward, or in the build's sources
  std::string build;   ///< empty: folders from exercises/, judges the four every exercise has
};

/// Prints the table; 0 listed, 2 the course file or the build could not be read.
int run_list(const ListOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
