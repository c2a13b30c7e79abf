#include "sandbox/temp_dir.hpp"

#include "sandbox/process.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace racelab::lab {

TempDir::TempDir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + ".XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    throw RunError{"cannot create a temporary directory in " + pattern + ": " + std::strerror(errno)};
  }
  path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace racelab::lab
