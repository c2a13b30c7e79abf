// Files a judged program could have replaced: a FIFO (an open of it blocks
// until a writer comes, that is forever), a symbolic link to a file elsewhere.
// Each case would block or write through the link if the defence were gone.

#include "core/integrity.hpp"
#include "core/regular_file.hpp"
#include "sandbox/output.hpp"
#include "sandbox/temp_dir.hpp"
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <fstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

struct Folder {
  lab::TempDir dir{"racelab-regular-file-test"};
  fs::path fifo() const {
    const auto file = dir.path() / "fifo";
    BOOST_TEST_REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    return file;
  }
  fs::path outside(const std::string& text) const {
    const auto file = dir.path() / "outside.txt";
    std::ofstream(file) << text;
    return file;
  }
};

std::string contents(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(regular_file, Folder)

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_without_blocking) {
  const auto file = fifo();
  BOOST_CHECK_EXCEPTION(lab::read_regular_file(file), lab::FileError, [](const lab::FileError& e) {
    return std::string(e.what()).find("is a FIFO, not a regular file") != std::string::npos;
  });
  BOOST_CHECK_THROW(lab::read_regular_file(file, 100, lab::Links::follow), lab::FileError);
  BOOST_TEST(lab::read_capped(file).empty());
  BOOST_CHECK_THROW(lab::sha256_file(file), std::runtime_error);  // a protected file's place: "unreadable"
}

BOOST_AUTO_TEST_CASE(a_link_is_not_followed_unless_asked) {
  const auto link = dir.path() / "link";
  fs::create_symlink(outside("elsewhere"), link);
  BOOST_CHECK_EXCEPTION(lab::read_regular_file(link), lab::FileError, [](const lab::FileError& e) {
    return std::string(e.what()).find("is a symbolic link") != std::string::npos;
  });
  BOOST_TEST(lab::read_regular_file(link, 100, lab::Links::follow) == "elsewhere");
  BOOST_TEST(lab::read_regular_file(link, 4, lab::Links::follow) == "else");  // the limit holds
}

BOOST_AUTO_TEST_CASE(a_fresh_file_replaces_a_fifo_or_a_link_and_writes_nowhere_else) {
  const auto target = outside("untouched");
  const auto link = dir.path() / "report.json";
  fs::create_symlink(target, link);
  lab::write_fresh_file(link, "report");
  BOOST_TEST(!fs::is_symlink(link));
  BOOST_TEST(contents(link) == "report");
  BOOST_TEST(contents(target) == "untouched");
  const auto file = fifo();
  lab::write_fresh_file(file, "output");  // an open for writing would block here
  BOOST_TEST(fs::is_regular_file(fs::symlink_status(file)));
  BOOST_TEST(lab::read_regular_file(file) == "output");
  fs::create_directory(dir.path() / "folder");
  BOOST_CHECK_THROW(lab::write_fresh_file(dir.path() / "folder", "x"), lab::FileError);
}

BOOST_AUTO_TEST_SUITE_END()
