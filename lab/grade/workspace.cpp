#include "grade/workspace.hpp"

#include "core/course.hpp"
#include "grade/grade_error.hpp"
#include "sandbox/process.hpp"

#include <ostream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// A workspace is laid out like exercises/, or is a repository root holding exercises/.
fs::path exercises_folder_of(const fs::path& workspace) {
  std::error_code ec;
  if (!fs::is_directory(workspace, ec)) {
    throw GradeError{"no workspace folder " + workspace.string() + ": name a folder laid out like exercises/"};
  }
  if (fs::is_directory(workspace / "exercises", ec)) return workspace / "exercises";
  return workspace;
}

}  // namespace

fs::path executable_dir() {
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

fs::path kit_root() {
  if (const auto source = build_source_dir(executable_dir().parent_path())) return *source;
  if (const auto course = find_course_file(fs::current_path())) return course->parent_path().parent_path();
  throw GradeError{"cannot find the racelab kit's sources (neither from this racelab binary's build nor above "
                   "the current folder): run racelab from the kit's repository"};
}

void configure_workspace_build(const fs::path& workspace, const fs::path& build, const fs::path& out_dir,
                               std::ostream& out) {
  const auto tools = executable_dir();
  std::error_code ec;
  if (!fs::is_regular_file(tools / "racelab-check", ec)) {
    throw GradeError{"no racelab-check next to this racelab (in " + tools.string() +
                     "): build both tools into one folder (cmake --build <build> --target racelab racelab-check)"};
  }
  const auto sources = exercises_folder_of(workspace);
  out << "racelab grade: configuring " << build.string() << " to grade " << sources.string() << "…\n" << std::flush;
  RunRequest request;
  request.command = {"cmake", "-S", kit_root().string(), "-B", build.string(), "--preset", "default",
                     "-DRACELAB_SOURCE=" + sources.string(), "-DRACELAB_TOOLS_DIR=" + tools.string()};
  request.time_limit = std::chrono::minutes(10);
  request.output_file = out_dir / "configure-output.txt";
  RunResult ran;
  try {
    ran = run_process(request);
  } catch (const RunError& e) {
    throw GradeError{"cannot run cmake: " + e.message};
  }
  if (!ran.exited_with(0)) {
    throw GradeError{"configuring the workspace's build failed (" + ran.describe() + "); cmake's output is in " +
                     request.output_file.string()};
  }
}

}  // namespace racelab::lab
