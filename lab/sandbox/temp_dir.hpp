#pragma once
/// \file
/// A private temporary folder that removes itself.

#include <filesystem>
#include <string>

namespace racelab::lab {

/// A private directory under $TMPDIR (mode 0700), removed with everything in it by the
/// destructor. Throws RunError when it cannot be created.
class TempDir {
public:
  explicit TempDir(const std::string& prefix = "racelab");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

}  // namespace racelab::lab
