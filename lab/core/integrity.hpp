#pragma once
/// \file
/// Tamper detection: `racelab assign` records the hashes of the files a
/// student must not edit (graders, course file, CMake files, suppression
/// lists); `racelab grade` reports the ones edited and withholds their credit.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace racelab::lab {

/// One protected file, as recorded.
struct IntegrityEntry {
  std::string path;    ///< relative to the repository root, '/'-separated
  std::string sha256;  ///< lowercase hex
  int exercise = 0;    ///< the exercise it grades; 0: every exercise (course file, CMake files)
};

/// A protected file that is not as recorded.
struct EditedFile {
  std::string path;
  int exercise = 0;   ///< 0: every exercise
  std::string what;   ///< "edited", "missing", "unreadable"
};

/// "tests/exercises/01-counter/counter_test.cpp was edited" (or "is missing", "cannot be read").
std::string describe(const EditedFile& file);

/// "tests/…/counter_test.cpp was edited — graders must stay as handed out": why credit is withheld.
std::string withheld_reason(const std::vector<EditedFile>& edited);

/// One line per edited file for the reports: what happened and which exercise loses its credit.
std::string withheld_note(const EditedFile& file);

/// True when one of `edited` grades `exercise` (or every exercise): that exercise gets no credit.
bool withholds_credit(const std::vector<EditedFile>& edited, int exercise);

/// `found` added to `edited`, each path once (the first finding of a path is kept).
void merge_edited(std::vector<EditedFile>& edited, const std::vector<EditedFile>& found);

/// The record's place in a repository: <root>/.racelab/integrity.json.
std::filesystem::path integrity_record(const std::filesystem::path& root);

/// SHA-256 of a file's bytes, lowercase hex; throws std::runtime_error when unreadable.
std::string sha256_file(const std::filesystem::path& file);

/// SHA-256 of `bytes`, lowercase hex (files a command is about to write).
std::string sha256_text(std::string_view bytes);

/// Writes the record.
void write_integrity(const std::filesystem::path& record, const std::vector<IntegrityEntry>& entries);

/// Reads the record (throws std::runtime_error naming the file when it is not valid).
std::vector<IntegrityEntry> read_integrity(const std::filesystem::path& record);

/// The protected files under `root` that differ from `entries`.
std::vector<EditedFile> check_integrity(const std::filesystem::path& root, const std::vector<IntegrityEntry>& entries);

}  // namespace racelab::lab
