#include "sandbox/output.hpp"

#include <algorithm>
#include <fstream>

namespace racelab::lab {
namespace {

/// Where to cut `text` near `limit`: just after a line end when one is within 4 KiB of it.
std::size_t cut_point(const std::string& text, std::size_t limit) {
  const auto newline = text.rfind('\n', limit);
  if (newline != std::string::npos && newline + 1 + 4096 >= limit) return newline + 1;
  return limit;
}

/// The first `cut` bytes of `head`, then the marker for the `total - cut` bytes left out.
std::string with_marker(std::string head, std::size_t cut, std::uintmax_t total) {
  head.resize(cut);
  if (!head.empty() && head.back() != '\n') head += '\n';
  head += "[… " + std::to_string(total - cut) + " more bytes not shown]\n";
  return head;
}

}  // namespace

std::string cap_text(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  return with_marker(text, cut_point(text, limit), text.size());
}

std::string read_capped(const std::filesystem::path& file, std::size_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return {};
  std::ifstream in(file, std::ios::binary);
  std::string head(static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit + 1)), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (size <= limit) return head;
  return with_marker(head, cut_point(head, limit), size);
}

}  // namespace racelab::lab
