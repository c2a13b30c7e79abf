#include "kit/assign.hpp"

#include "core/text.hpp"
#include "kit/registration.hpp"
#include "kit/student_repository.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>

namespace racelab::lab {

namespace fs = std::filesystem;

namespace {

void write_planned(const fs::path& root, const PlannedFile& file) {
  const fs::path target = root / file.path;
  fs::create_directories(target.parent_path());
  if (file.text) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << *file.text;
    if (!out) throw KitError{"cannot write " + target.string()};
  } else {
    fs::copy_file(file.from, target, fs::copy_options::overwrite_existing);
  }
  if (file.executable) {
    fs::permissions(target, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
  }
}

/// Refuses a folder that exists with something in it: nothing of a student's may be overwritten.
std::optional<std::string> unusable_target(const fs::path& to) {
  std::error_code ec;
  if (!fs::exists(to, ec)) return std::nullopt;
  if (!fs::is_directory(to, ec)) return to.string() + " exists and is not a folder";
  if (!fs::is_empty(to, ec)) return to.string() + " is not empty; give a new or empty folder";
  return std::nullopt;
}

void print_next_steps(std::ostream& out, const fs::path& to, const std::vector<KitExercise>& chosen, std::size_t files) {
  out << "racelab assign: wrote " << files << " files to " << to.string() << " for exercise"
      << (chosen.size() == 1 ? " " : "s ");
  std::vector<std::string> names;
  for (const auto& exercise : chosen) names.push_back(std::to_string(exercise.number) + " (" + exercise.folder + ")");
  out << join(names, ", ") << "\n"
      << "  README.md                    what students run and how they are graded\n"
      << "  exercises/                   the starters students edit\n"
      << "  tests/exercises/             the graders (protected)\n"
      << "  lab/course.toml              points for these exercises only (protected)\n"
      << "  .github/workflows/racelab.yml, .gitlab-ci.yml   CI that grades every push\n"
      << "  .racelab/integrity.json      hashes of the protected files\n"
      << "No solution is included.\n\n"
      << "Next steps:\n"
      << "  1. keep a copy of .racelab/integrity.json outside the repository: it is the trusted record\n"
      << "     (racelab grade --batch checks submissions against this kit's files anyway)\n"
      << "  2. cd " << to.string() << " && git init && git add -A && git commit -m \"Starter code\"\n"
      << "  3. push it as the template repository of the assignment; CI grades every push\n";
}

}  // namespace

int run_assign(const AssignOptions& options, std::ostream& out, std::ostream& err) {
  const auto kit = options.kit.empty() ? find_kit_root() : std::optional<fs::path>(options.kit);
  if (!kit) {
    err << "racelab assign: run it inside the racelab kit (no lab/course.toml and cmake/ above the current folder)\n";
    return 2;
  }
  if (const auto problem = unusable_target(options.to)) {
    err << "racelab assign: " << *problem << "\n";
    return 2;
  }
  try {
    // Everything is read and hashed before the first file is written: a
    // mistake leaves the target folder untouched.
    const auto plan = plan_student_repository(*kit, options.exercises);
    const auto entries = integrity_of(plan);
    for (const auto& file : plan) write_planned(options.to, file);
    write_integrity(integrity_record(options.to), entries);
    std::vector<KitExercise> chosen;
    for (const auto& exercise : kit_exercises(*kit)) {
      if (std::find(options.exercises.begin(), options.exercises.end(), exercise.number) != options.exercises.end()) {
        chosen.push_back(exercise);
      }
    }
    print_next_steps(out, options.to, chosen, plan.size() + 1);
    return 0;
  } catch (const KitError& e) {
    err << "racelab assign: " << e.message << "\n";
  } catch (const std::exception& e) {
    err << "racelab assign: " << e.what() << "\n";
  }
  return 2;
}

}  // namespace racelab::lab
