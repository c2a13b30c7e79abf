#pragma once
/// \file
/// Credit withheld for edited graders: which protected files of the graded
/// repository are not as handed out, and the judges that lose their credit.

#include "core/integrity.hpp"
#include "grade/model/grade_report.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace racelab::lab {

/// Where to look for protected files that are not as handed out.
struct IntegrityCheck {
  std::filesystem::path repository;             ///< the repository (or workspace) graded
  std::optional<std::filesystem::path> record;  ///< an integrity record to compare it with
  bool record_is_the_repositorys = false;       ///< the repository's own record: unreadable means edited
  std::optional<std::filesystem::path> kit;     ///< also compare with the kit's own files (a submission)
};

/// The check `grade` makes of `repository`: against `trusted_record` (--integrity), else
/// against the repository's own record when it has one; and against the kit's own files
/// when `kit` is given (a submission). Throws GradeError when `trusted_record` is no file.
IntegrityCheck integrity_check(const std::filesystem::path& repository,
                               const std::optional<std::filesystem::path>& trusted_record,
                               const std::optional<std::filesystem::path>& kit);

/// The protected files of the repository that differ from the record or the kit, each
/// path once. Throws GradeError when a trusted record or the kit cannot be read.
std::vector<EditedFile> find_edited_files(const IntegrityCheck& check);

/// Records `edited` in the report; every judge of an exercise an edited file grades
/// (exercise 0: every exercise) becomes "withheld". Call before apply_course, which
/// then gives those judges no points.
void apply_integrity(GradeReport& report, const std::vector<EditedFile>& edited);

}  // namespace racelab::lab
