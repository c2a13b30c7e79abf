#pragma once
/// \file
/// The compile commands one graded variant was built with, out of the build's
/// compile_commands.json. A build of the kit compiles a student file once per
/// target that lists it (the grader, its ThreadSanitizer twin, the perf driver,
/// and in the self-test every wrong fix that borrows the file): the grading
/// policy needs the commands of the targets that judge this variant, not of
/// every target sharing the file.

#include <boost/json/object.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The arguments of one compile_commands.json entry: its "arguments", or its
/// "command" split at blanks (a path split wrongly then names nothing that
/// exists, which the callers treat as unknown).
std::vector<std::string> compile_arguments(const boost::json::object& entry);

/// The entries of `database` (the text of a compile_commands.json) whose object
/// file belongs to one of `targets` (CMake's `CMakeFiles/<target>.dir/`), as the
/// text of a compile_commands.json. nullopt when the text is not a compile
/// database, or when a file of `files` has no command of those targets: the
/// caller then keeps the whole database, which holds those commands and more.
std::optional<std::string> commands_of_targets(const std::string& database, const std::vector<std::string>& targets,
                                               const std::vector<std::filesystem::path>& files);

}  // namespace racelab::lab
