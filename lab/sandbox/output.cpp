#include "sandbox/output.hpp"

#include "core/regular_file.hpp"

#include <algorithm>
#include <cerrno>

#include <sys/stat.h>
#include <unistd.h>

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
  // Never through a link, never from a FIFO: the program may have put either at this name.
  std::string head;
  try {
    head = read_regular_file(file, limit + 1);
  } catch (const FileError&) {
    return {};
  }
  if (head.size() <= limit) return head;
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  return with_marker(head, cut_point(head, limit), ec ? head.size() : std::max<std::uintmax_t>(size, head.size()));
}

std::string read_capped(int fd, std::size_t limit) {
  struct stat status {};
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) return {};
  const auto size = static_cast<std::uintmax_t>(status.st_size);
  std::string head(static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit + 1)), '\0');
  std::size_t got = 0;
  while (got < head.size()) {
    const ssize_t n = ::pread(fd, head.data() + got, head.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  head.resize(got);
  if (size <= limit) return head;
  return with_marker(head, cut_point(head, limit), size);
}

}  // namespace racelab::lab
