#include "core/display_path.hpp"

namespace racelab::lab {

namespace fs = std::filesystem;

std::string repository_path(const fs::path& path) {
  const auto absolute = path.is_absolute() ? path.lexically_normal() : path;
  if (!absolute.is_absolute()) return path.string();
  for (auto dir = absolute.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(dir / "CMakePresets.json", ec) || fs::exists(dir / ".git", ec)) {
      return absolute.lexically_relative(dir).string();
    }
    if (dir == dir.root_path()) break;
  }
  return path.string();
}

std::string path_for_display(const std::string& path, const std::optional<fs::path>& workspace) {
  const auto shown = repository_path(path);
  if (!fs::path(shown).is_absolute() || !workspace) return shown;
  const auto relative = fs::path(shown).lexically_normal().lexically_relative(*workspace);
  if (relative.empty() || *relative.begin() == "..") return shown;
  return relative.string();
}

}  // namespace racelab::lab
