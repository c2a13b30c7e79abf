#pragma once
/// \file
/// The tools a batch grades every submission with (racelab, racelab-check, the
/// kit's graders and build files), watched for change. In the sandbox a judged
/// program cannot write them; without it (RACELAB_SANDBOX=off, or bubblewrap
/// unable to start) it runs with the grader's rights and could replace them, so
/// that every later judge, of every later submission, says what it likes.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The files to watch: `racelab`, the racelab-check beside it, and the kit's
/// files a student repository is graded with (what `racelab assign` copies
/// from `kit` for every exercise).
std::vector<std::filesystem::path> grading_tools(const std::filesystem::path& racelab,
                                                 const std::optional<std::filesystem::path>& kit);

/// What the tools are now, kept to compare with later: each file's SHA-256, and
/// its inode and change time, so that a tool replaced and then put back (same
/// bytes again) is seen too.
class ToolWatch {
 public:
  explicit ToolWatch(std::vector<std::filesystem::path> files);

  /// The tools that differ from when the watch began ("racelab (replaced)",
  /// "… (edited)", "… (missing)"); empty when none does.
  [[nodiscard]] std::vector<std::string> changed() const;

  [[nodiscard]] std::size_t size() const { return tools_.size(); }

 private:
  struct Tool {
    std::filesystem::path file;
    std::string sha256;  ///< empty: could not be read
    std::string identity;  ///< device, inode and change time
  };
  std::vector<Tool> tools_;
};

}  // namespace racelab::lab
