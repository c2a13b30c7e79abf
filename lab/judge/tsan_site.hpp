#pragma once
/// \file
/// Which frame of a TSan stack to show a student, and how: frames inside the
/// student's sources first, shown relative to them.

#include "judge/tsan_report.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// Chooses the frame to show and turns it into a Site.
class SiteMaker {
public:
  explicit SiteMaker(const std::filesystem::path& sources);

  /// The first frame with a line inside the sources, else the first with a line, else
  /// the first with a file; a site with only the top function when no frame has a file.
  [[nodiscard]] Site pick(const std::vector<Frame>& frames) const;

private:
  [[nodiscard]] bool inside(const std::string& file) const;
  [[nodiscard]] std::string shown(const std::string& file) const;

  std::string sources_;
};

}  // namespace racelab::lab
