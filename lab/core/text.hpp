#pragma once
/// \file
/// Small text helpers the CLI's sources share.

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// The whole file, byte for byte; empty when it cannot be read.
std::string read_text(const std::filesystem::path& file);

/// `text` without leading and trailing spaces, tabs and line ends.
std::string trim(const std::string& text);

/// The lines of `text`, without their line ends (\n or \r\n).
std::vector<std::string> lines_of(const std::string& text);

}  // namespace racelab::lab
