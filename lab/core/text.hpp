#pragma once
/// \file
/// Small text helpers every part of the CLI shares.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// The whole file, byte for byte; empty when it cannot be read or is not a regular
/// file (a FIFO or device there is never waited on).
std::string read_text(const std::filesystem::path& file);

/// `text` without leading and trailing spaces, tabs and line ends.
std::string trim(const std::string& text);

/// The lines of `text`, without their line ends (\n or \r\n).
std::vector<std::string> lines_of(const std::string& text);

/// The words with `separator` between them.
std::string join(const std::vector<std::string>& words, const std::string& separator);

/// `text` with every `from` replaced by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to);

/// The words as one shell command line: a word with nothing special in it as it is,
/// any other in single quotes, so that the line can be pasted into a shell.
std::string shell_line(const std::vector<std::string>& words);

/// Columns `text` takes on a terminal: its UTF-8 characters, not its bytes (the
/// outputs hold a few multi-byte ones: —, …, ×, µ).
std::size_t display_width(const std::string& text);

/// `text` followed by spaces up to `width` columns (unchanged when it is as wide already).
std::string pad_right(const std::string& text, std::size_t width);

/// Spaces up to `width` columns, then `text`.
std::string pad_left(const std::string& text, std::size_t width);

}  // namespace racelab::lab
