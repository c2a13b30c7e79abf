#include "grade/tool_watch.hpp"

#include "core/integrity.hpp"
#include "kit/registration.hpp"
#include "kit/student_repository.hpp"

#include <sys/stat.h>

#include <algorithm>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// Device, inode and change time: a file written, or replaced by another, gets a new one
/// (the change time cannot be set back by its owner).
std::string identity_of(const fs::path& file) {
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0) return {};
  return std::to_string(status.st_dev) + ":" + std::to_string(status.st_ino) + ":" +
         std::to_string(status.st_ctim.tv_sec) + "." + std::to_string(status.st_ctim.tv_nsec);
}

std::string hash_of(const fs::path& file) {
  try {
    return sha256_file(file);
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

std::vector<fs::path> grading_tools(const fs::path& racelab, const std::optional<fs::path>& kit) {
  std::vector<fs::path> files{racelab, racelab.parent_path() / "racelab-check"};
  if (kit) {
    std::vector<int> numbers;
    for (const auto& exercise : kit_exercises(*kit)) numbers.push_back(exercise.number);
    for (const auto& planned : plan_student_repository(*kit, numbers)) {
      if (!planned.from.empty()) files.push_back(planned.from);
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

ToolWatch::ToolWatch(std::vector<fs::path> files) {
  for (auto& file : files) {
    Tool tool{std::move(file), {}, {}};
    tool.sha256 = hash_of(tool.file);
    tool.identity = identity_of(tool.file);
    tools_.push_back(std::move(tool));
  }
}

std::vector<std::string> ToolWatch::changed() const {
  std::vector<std::string> found;
  for (const auto& tool : tools_) {
    const auto identity = identity_of(tool.file);
    if (identity.empty() && !tool.identity.empty()) {
      found.push_back(tool.file.string() + " (missing)");
    } else if (const auto sha256 = hash_of(tool.file); sha256 != tool.sha256) {
      found.push_back(tool.file.string() + " (edited)");
    } else if (identity != tool.identity) {
      found.push_back(tool.file.string() + " (replaced or rewritten)");  // the same bytes put back
    }
  }
  return found;
}

}  // namespace racelab::lab
