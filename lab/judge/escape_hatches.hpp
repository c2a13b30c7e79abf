#pragma once
/// \file
/// Escape hatches in a student's sources: ways to make a judge look away
/// instead of fixing the code. Each found costs the judge it dodges.

#include "core/judge.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

struct EscapeHatch {
  std::string file;    ///< as shown: relative to the sources folder
  int line = 0;
  std::string kind;    ///< "no_sanitize", "nolint", "tsan-suppression", "sleep"
  Judge dodges = Judge::tsan;  ///< the judge it costs
  std::string text;    ///< the offending line, trimmed
  std::string message; ///< plain words: what it does and what to do instead
};

/// Scans `files` (paths under `sources`). `sleep_allowed`: the exercise's
/// own task involves sleeping (its contract says so), so sleeps are not flagged.
std::vector<EscapeHatch> find_escape_hatches(const std::filesystem::path& sources,
                                             const std::vector<std::filesystem::path>& files,
                                             bool sleep_allowed);

}  // namespace racelab::lab
