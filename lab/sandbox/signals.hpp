#pragma once
/// \file
/// Signals in plain words.

#include <string>

namespace racelab::lab {

/// "SIGSEGV (segmentation fault: an invalid memory access)".
std::string signal_description(int signal_number);

}  // namespace racelab::lab
