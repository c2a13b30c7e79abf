#include "kit/kit_root.hpp"

#include <fstream>
#include <sstream>

namespace racelab::lab {

namespace fs = std::filesystem;

std::optional<fs::path> find_kit_root(const fs::path& start) {
  std::error_code ec;
  fs::path at = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  for (; !at.empty(); at = at.parent_path()) {
    if (fs::is_regular_file(at / "lab/course.toml", ec) && fs::is_regular_file(at / "cmake/RacelabExercise.cmake", ec)) {
      return at;
    }
    if (at == at.root_path()) break;
  }
  return std::nullopt;
}

std::string read_kit_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw KitError{"cannot read " + file.string()};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace racelab::lab
