#pragma once
/// \file
/// Files the grader reads back or writes where a judged program, or a
/// student's repository, could have put something else first: a FIFO (an
/// open of it blocks until someone opens the other end, that is forever), a
/// device, or a symbolic link to a file elsewhere. These functions never
/// block and never follow a link at the file's own name: they read regular
/// files only, and write a file created afresh in place of whatever was there.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace racelab::lab {

/// A file that is not a regular file, or cannot be opened, read or written.
struct FileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// What `read_regular_file` does with a symbolic link at the file's name.
enum class Links { refuse, follow };

/// The file's first `limit` bytes. Throws FileError, without blocking, when it
/// is missing, a FIFO, a device, a folder, or (Links::refuse) a symbolic link.
std::string read_regular_file(const std::filesystem::path& file, std::size_t limit = 64u << 20,
                              Links links = Links::refuse);

/// A new, empty regular file at `file`, open for reading and writing (the descriptor, to
/// close): whatever was there before (a FIFO, a link, a device, a file) is
/// removed first, never opened or followed. Throws FileError (a folder there,
/// or no permission).
int create_fresh_file(const std::filesystem::path& file);

/// `text` written to a file created by `create_fresh_file`.
void write_fresh_file(const std::filesystem::path& file, const std::string& text);

}  // namespace racelab::lab
