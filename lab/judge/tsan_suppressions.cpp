#include "judge/tsan_suppressions.hpp"

#include "judge/tsan_suppressions_text.hpp"  // generated from tests/util/tsan/libstdcxx.supp

#include <fstream>

namespace racelab::lab {

std::string_view tsan_suppressions() { return kit_tsan_suppressions; }

std::filesystem::path write_tsan_suppressions(const std::filesystem::path& dir) {
  const auto file = dir / "libstdcxx.supp";
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << tsan_suppressions();
  return file;
}

}  // namespace racelab::lab
