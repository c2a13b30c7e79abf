#include "grade/withheld_credit.hpp"

#include "grade/grade_error.hpp"
#include "kit/student_repository.hpp"

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// The repository's files compared with `check.record`.
std::vector<EditedFile> edited_against_record(const IntegrityCheck& check) {
  std::vector<IntegrityEntry> entries;
  try {
    entries = read_integrity(*check.record);
  } catch (const std::exception& e) {
    if (!check.record_is_the_repositorys) throw GradeError{e.what()};
    // The repository's own record no longer reads: it was edited, so nothing it lists can be trusted.
    auto shown = check.record->lexically_normal().lexically_relative(check.repository.lexically_normal());
    if (shown.empty()) shown = *check.record;
    return {{shown.generic_string(), 0, "edited"}};
  }
  return check_integrity(check.repository, entries);
}

std::vector<EditedFile> edited_for(const std::vector<EditedFile>& edited, int exercise) {
  std::vector<EditedFile> grading_it;
  for (const auto& file : edited) {
    if (withholds_credit({file}, exercise)) grading_it.push_back(file);
  }
  return grading_it;
}

}  // namespace

IntegrityCheck integrity_check(const fs::path& repository, const std::optional<fs::path>& trusted_record,
                               const std::optional<fs::path>& kit) {
  IntegrityCheck check;
  check.repository = repository;
  check.kit = kit;
  std::error_code ec;
  if (trusted_record) {
    check.record = fs::absolute(*trusted_record).lexically_normal();
    if (!fs::is_regular_file(*check.record, ec)) {
      throw GradeError{"no integrity record " + check.record->string() +
                       " (--integrity names the record racelab assign wrote: .racelab/integrity.json)"};
    }
  } else if (fs::exists(integrity_record(repository), ec)) {
    check.record = integrity_record(repository);
    check.record_is_the_repositorys = true;
  }
  return check;
}

std::vector<EditedFile> find_edited_files(const IntegrityCheck& check) {
  std::vector<EditedFile> edited;
  if (check.record) merge_edited(edited, edited_against_record(check));
  if (!check.kit) return edited;
  // The instructor's copy: a submission that edited a grader and its record as well is caught here.
  const std::string cannot_compare = "cannot compare the protected files of " + check.repository.string() +
                                     " with the kit in " + check.kit->string() + ": ";
  try {
    merge_edited(edited, edited_protected_files(*check.kit, check.repository));
  } catch (const KitError& e) {
    throw GradeError{cannot_compare + e.message};
  } catch (const std::exception& e) {
    throw GradeError{cannot_compare + e.what()};
  }
  return edited;
}

void apply_integrity(GradeReport& report, const std::vector<EditedFile>& edited) {
  report.edited = edited;
  for (auto& e : report.exercises) {
    const auto grading_it = edited_for(edited, e.number);
    if (grading_it.empty()) continue;
    e.withheld = withheld_reason(grading_it);
    if (!e.graded) continue;
    // Every judge, whatever ctest said: with an edited grader a pass proves nothing.
    for (const Judge judge : e.shown_judges()) {
      auto& outcome = e.judges[judge];
      outcome.verdict = Verdict::withheld;
      outcome.summary = "withheld: " + e.withheld;
      outcome.points = 0;
    }
  }
}

}  // namespace racelab::lab
