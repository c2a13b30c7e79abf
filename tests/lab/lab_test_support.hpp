#pragma once
/// \file
/// Small helpers the racelab CLI's tests share.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace racelab::lab::testing {

/// The whole file; empty when it cannot be read.
inline std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace racelab::lab::testing
