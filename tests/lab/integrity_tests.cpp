// The integrity record: SHA-256 of the protected files, written, read back,
// and compared with a repository whose files were edited or removed.


#include "core/integrity.hpp"
#include "sandbox/temp_dir.hpp"
#include <boost/test/unit_test.hpp>

#include <fstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(integrity_tests)

// The FIPS 180-2 test vectors: a wrong digest or byte order shows here.
BOOST_AUTO_TEST_CASE(sha256_matches_the_standard_vectors) {
  BOOST_TEST(lab::sha256_text("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(lab::sha256_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  lab::TempDir dir("racelab-integrity");
  write(dir.path() / "abc.txt", "abc");
  BOOST_TEST(lab::sha256_file(dir.path() / "abc.txt") == lab::sha256_text("abc"));
  BOOST_CHECK_THROW(lab::sha256_file(dir.path() / "absent"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(record_round_trips) {
  lab::TempDir dir("racelab-integrity");
  const std::vector<lab::IntegrityEntry> entries{{"lab/course.toml", std::string(64, 'a'), 0},
                                                  {"tests/exercises/01-counter/counter_test.cpp", std::string(64, 'b'), 1}};
  const auto record = lab::integrity_record(dir.path());
  BOOST_TEST(record == dir.path() / ".racelab" / "integrity.json");
  lab::write_integrity(record, entries);
  const auto read = lab::read_integrity(record);
  BOOST_TEST_REQUIRE(read.size() == 2u);
  BOOST_TEST(read[1].path == entries[1].path);
  BOOST_TEST(read[1].sha256 == entries[1].sha256);
  BOOST_TEST(read[1].exercise == 1);
  BOOST_TEST(read[0].exercise == 0);
}

BOOST_AUTO_TEST_CASE(an_invalid_record_is_named) {
  lab::TempDir dir("racelab-integrity");
  write(dir.path() / "bad.json", "{\"files\": [ {\"path\": 3} ]}");
  try {
    lab::read_integrity(dir.path() / "bad.json");
    BOOST_FAIL("an entry without a path string was accepted");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("bad.json") != std::string::npos);
  }
  write(dir.path() / "not-json.json", "files: none");
  BOOST_CHECK_THROW(lab::read_integrity(dir.path() / "not-json.json"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(edited_and_missing_files_are_reported_with_their_exercise) {
  lab::TempDir dir("racelab-integrity");
  const auto root = dir.path();
  write(root / "lab/course.toml", "[course]\n");
  write(root / "tests/exercises/01-counter/counter_test.cpp", "BOOST_TEST(total == 4000);\n");
  write(root / "tests/exercises/03-shared-string/CMakeLists.txt", "racelab_add_exercise(3 03-shared-string)\n");
  std::vector<lab::IntegrityEntry> entries;
  for (const auto& [path, exercise] : std::vector<std::pair<std::string, int>>{
           {"lab/course.toml", 0},
           {"tests/exercises/01-counter/counter_test.cpp", 1},
           {"tests/exercises/03-shared-string/CMakeLists.txt", 3}}) {
    entries.push_back({path, lab::sha256_file(root / path), exercise});
  }
  BOOST_TEST(lab::check_integrity(root, entries).empty());

  write(root / "tests/exercises/01-counter/counter_test.cpp", "// a grader edited to check nothing\n");
  fs::remove(root / "tests/exercises/03-shared-string/CMakeLists.txt");
  const auto edited = lab::check_integrity(root, entries);
  BOOST_TEST_REQUIRE(edited.size() == 2u);
  BOOST_TEST(edited[0].path == "tests/exercises/01-counter/counter_test.cpp");
  BOOST_TEST(edited[0].what == "edited");
  BOOST_TEST(edited[0].exercise == 1);
  BOOST_TEST(edited[1].what == "missing");
  BOOST_TEST(edited[1].exercise == 3);
}

BOOST_AUTO_TEST_SUITE_END()
