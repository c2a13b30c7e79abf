#include "core/integrity.hpp"

#include "core/regular_file.hpp"

#include <boost/json.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace racelab::lab {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string to_hex(const unsigned char* bytes, unsigned length) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned i = 0; i < length; ++i) {
    hex += digits[bytes[i] >> 4];
    hex += digits[bytes[i] & 0x0f];
  }
  return hex;
}

std::string read_text(const fs::path& file) {
  return read_regular_file(file, 64u << 20, Links::follow);
}

IntegrityEntry entry_from_json(const json::value& value, const fs::path& record) {
  const auto* object = value.if_object();
  const auto* path = object ? object->if_contains("path") : nullptr;
  const auto* sha = object ? object->if_contains("sha256") : nullptr;
  if (!path || !path->is_string() || !sha || !sha->is_string()) {
    throw std::runtime_error(record.string() + ": every entry needs a \"path\" and a \"sha256\" string");
  }
  IntegrityEntry entry{std::string(path->as_string()), std::string(sha->as_string()), 0};
  if (const auto* exercise = object->if_contains("exercise"); exercise && exercise->is_int64()) {
    entry.exercise = static_cast<int>(exercise->as_int64());
  }
  return entry;
}

}  // namespace

fs::path integrity_record(const fs::path& root) { return root / ".racelab" / "integrity.json"; }

std::string sha256_file(const fs::path& file) {
  // Opened without blocking, regular files only: a FIFO or device in a protected
  // file's place throws (FileError is a runtime_error), so it counts as an edit.
  return sha256_text(read_regular_file(file, std::numeric_limits<std::size_t>::max(), Links::follow));
}

std::string sha256_text(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
  return to_hex(digest.data(), length);
}

void write_integrity(const fs::path& record, const std::vector<IntegrityEntry>& entries) {
  json::array files;
  for (const auto& entry : entries) {
    files.push_back(json::object{{"path", entry.path}, {"sha256", entry.sha256}, {"exercise", entry.exercise}});
  }
  // One entry per line: the record stays readable, and a diff of it shows which file changed.
  std::ostringstream text;
  text << "{\n  \"about\": \"SHA-256 of the files racelab grades with; racelab grade reports the ones that "
          "differ. Do not edit.\",\n  \"files\": [\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    text << "    " << json::serialize(files[i]) << (i + 1 < files.size() ? ",\n" : "\n");
  }
  text << "  ]\n}\n";
  if (record.has_parent_path()) fs::create_directories(record.parent_path());
  std::ofstream out(record, std::ios::binary | std::ios::trunc);
  out << text.str();
  if (!out) throw std::runtime_error("cannot write " + record.string());
}

std::vector<IntegrityEntry> read_integrity(const fs::path& record) {
  json::value document;
  try {
    document = json::parse(read_text(record));
  } catch (const std::exception& e) {
    throw std::runtime_error(record.string() + " is not a valid integrity record: " + e.what());
  }
  const auto* object = document.if_object();
  const auto* files = object ? object->if_contains("files") : nullptr;
  if (!files || !files->is_array()) {
    throw std::runtime_error(record.string() + " is not a valid integrity record: no \"files\" array");
  }
  std::vector<IntegrityEntry> entries;
  for (const auto& value : files->as_array()) entries.push_back(entry_from_json(value, record));
  return entries;
}

std::vector<EditedFile> check_integrity(const fs::path& root, const std::vector<IntegrityEntry>& entries) {
  std::vector<EditedFile> edited;
  for (const auto& entry : entries) {
    const fs::path file = root / entry.path;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      edited.push_back({entry.path, entry.exercise, "missing"});
      continue;
    }
    try {
      if (sha256_file(file) != entry.sha256) edited.push_back({entry.path, entry.exercise, "edited"});
    } catch (const std::runtime_error&) {
      // A protected file made unreadable is not as handed out either; it must not stop the check.
      edited.push_back({entry.path, entry.exercise, "unreadable"});
    }
  }
  return edited;
}

std::string describe(const EditedFile& file) {
  if (file.what == "missing") return file.path + " is missing";
  if (file.what == "unreadable") return file.path + " cannot be read";
  return file.path + " was edited";
}

std::string withheld_reason(const std::vector<EditedFile>& edited) {
  std::string files;
  for (const auto& file : edited) files += (files.empty() ? "" : ", ") + describe(file);
  return files + " — graders must stay as handed out";
}

std::string withheld_note(const EditedFile& file) {
  return withheld_reason({file}) + "; " +
         (file.exercise == 0 ? std::string("no exercise gets credit")
                             : "exercise " + std::to_string(file.exercise) + " gets no credit");
}

bool withholds_credit(const std::vector<EditedFile>& edited, int exercise) {
  return std::any_of(edited.begin(), edited.end(),
                     [&](const EditedFile& file) { return file.exercise == 0 || file.exercise == exercise; });
}

void merge_edited(std::vector<EditedFile>& edited, const std::vector<EditedFile>& found) {
  for (const auto& file : found) {
    const bool known = std::any_of(edited.begin(), edited.end(),
                                   [&](const EditedFile& seen) { return seen.path == file.path; });
    if (!known) edited.push_back(file);
  }
}

}  // namespace racelab::lab
