#pragma once
/// \file
/// The `racelab` command line: parses arguments, dispatches to the library.

#include <iosfwd>
#include <string>
#include <vector>

namespace racelab::lab {

/// Runs `racelab <args…>` (args without the program name); returns the exit status.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The same, straight from main().
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
