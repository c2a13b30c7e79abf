#pragma once
/// \file
/// What happened to the files of one folder while a program ran, seen by the
/// kernel (inotify) rather than by looking afterwards: a file that was
/// created and then deleted, renamed away, or replaced by a link or a FIFO.
///
/// A program may write into the folder (a sanitizer's logs land there), but
/// it cannot hide that it removed or redirected what it wrote.

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

class FolderWatch {
public:
  /// Starts watching `folder` (which must exist); throws RunError when it cannot.
  explicit FolderWatch(const std::filesystem::path& folder);
  ~FolderWatch();
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

  /// Each file of the folder that was deleted, renamed, or is not a regular
  /// file now, in plain words ("tsan.42 was deleted"); empty when none was.
  /// Reads the events that arrived since the watch began.
  std::vector<std::string> tampering();

private:
  std::filesystem::path folder_;
  int fd_ = -1;
  std::vector<std::string> created_;
  std::vector<std::string> problems_;
};

}  // namespace racelab::lab
