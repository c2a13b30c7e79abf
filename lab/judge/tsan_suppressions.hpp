#pragma once
/// \file
/// The ThreadSanitizer suppressions every TSan run of a judge gets: the kit's
/// tests/util/tsan/libstdcxx.supp (false alarms inside libstdc++'s
/// std::atomic<std::shared_ptr>, matched on the library's own frames only),
/// compiled into racelab when it is built. Built in, not read from the kit at
/// run time: nothing in a workspace, and no file a judged program could reach,
/// can add a suppression.

#include <filesystem>
#include <string_view>

namespace racelab::lab {

/// The suppressions' text, as tests/util/tsan/libstdcxx.supp held it when racelab was built.
std::string_view tsan_suppressions();

/// Writes them to `<dir>/libstdcxx.supp` and returns that path, for TSAN_OPTIONS' suppressions=.
std::filesystem::path write_tsan_suppressions(const std::filesystem::path& dir);

}  // namespace racelab::lab
