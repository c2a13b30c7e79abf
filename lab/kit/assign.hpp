#pragma once
/// \file
/// `racelab assign`: a student repository written from a choice of the kit's
/// exercises, with its integrity record.

#include <filesystem>
#include <iosfwd>
#include <vector>

namespace racelab::lab {

struct AssignOptions {
  std::vector<int> exercises;
  std::filesystem::path to;
  std::filesystem::path kit;  ///< empty: find_kit_root()
};

/// The whole command: 0 written, 2 refused or failed (the message says why).
int run_assign(const AssignOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
