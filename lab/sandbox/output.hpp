#pragma once
/// \file
/// A program's output, capped: what is shown of it and a line saying how much was not.

#include <cstddef>
#include <filesystem>
#include <string>

namespace racelab::lab {

/// Default number of output bytes shown by `read_capped`.
inline constexpr std::size_t shown_output_bytes = 64 * 1024;

/// The first `limit` bytes of `file`, then "[… N more bytes not shown]" when it is longer.
/// Never follows a link at `file` nor opens a FIFO or device there: such a file reads as empty.
std::string read_capped(const std::filesystem::path& file, std::size_t limit = shown_output_bytes);

/// The same, of the regular file open at `fd` (read from its start, whatever its name is now).
std::string read_capped(int fd, std::size_t limit = shown_output_bytes);

/// Cuts `text` to `limit` bytes (at a line end when one is close), with the same marker.
std::string cap_text(const std::string& text, std::size_t limit = shown_output_bytes);

}  // namespace racelab::lab
