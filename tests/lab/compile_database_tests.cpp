// The compile commands of one graded variant, out of a build's compile_commands.json.
#include "judge/compile_database.hpp"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

namespace lab = racelab::lab;
namespace json = boost::json;

namespace {

/// A build where the wrong fix `wrong` borrows the solution's file a.cpp: the
/// same file, compiled by the solution's targets and by the wrong fix's.
const char* const database = R"([
  {"directory": "/b", "file": "/s/a.cpp",
   "command": "clang++ -iquote /s -o ex/CMakeFiles/sol_functional.dir/s/a.cpp.o -c /s/a.cpp"},
  {"directory": "/b", "file": "/s/a.cpp",
   "arguments": ["clang++", "-iquote", "/s", "-fsanitize=thread", "-o", "ex/CMakeFiles/sol_tsan.dir/s/a.cpp.o", "-c", "/s/a.cpp"]},
  {"directory": "/b", "file": "/s/a.cpp",
   "command": "clang++ -iquote /w -o ex/CMakeFiles/wrong_functional.dir/s/a.cpp.o -c /s/a.cpp"},
  {"directory": "/b", "file": "/w/b.cpp",
   "command": "clang++ -iquote /w -o ex/CMakeFiles/wrong_functional.dir/w/b.cpp.o -c /w/b.cpp"},
  {"directory": "/b", "file": "/s/a.cpp",
   "command": "clang++ -iquote /x -o ex/CMakeFiles/xsol_functional.dir/s/a.cpp.o -c /s/a.cpp"}
])";

/// The -o argument of every entry kept.
std::vector<std::string> outputs(const std::string& text) {
  std::vector<std::string> out;
  const json::value parsed = json::parse(text);  // alive for the whole loop
  for (const auto& entry : parsed.as_array()) {
    const auto& o = entry.as_object();
    if (const auto* arguments = o.if_contains("arguments"))
      out.push_back(std::string(arguments->as_array().at(5).as_string()));
    else {
      const std::string command(o.at("command").as_string());
      const auto at = command.find(" -o ") + 4;
      out.push_back(command.substr(at, command.find(' ', at) - at));
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(only_the_commands_of_the_variants_targets_are_kept) {
  const auto own = lab::commands_of_targets(database, {"sol_functional", "sol_tsan"}, {"/s/a.cpp"});
  BOOST_REQUIRE(own);
  const std::vector<std::string> expected = {"ex/CMakeFiles/sol_functional.dir/s/a.cpp.o",
                                             "ex/CMakeFiles/sol_tsan.dir/s/a.cpp.o"};
  BOOST_TEST(outputs(*own) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_wrong_fix_gets_its_own_build_of_a_borrowed_file) {
  const auto own = lab::commands_of_targets(database, {"wrong_functional"}, {"/s/a.cpp", "/w/b.cpp"});
  BOOST_REQUIRE(own);
  const std::vector<std::string> expected = {"ex/CMakeFiles/wrong_functional.dir/s/a.cpp.o",
                                             "ex/CMakeFiles/wrong_functional.dir/w/b.cpp.o"};
  BOOST_TEST(outputs(*own) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_file_no_target_compiles_keeps_the_whole_database) {
  // b.cpp is not built by the solution's targets: the caller falls back to every command.
  BOOST_TEST(!lab::commands_of_targets(database, {"sol_functional"}, {"/s/a.cpp", "/w/b.cpp"}));
  BOOST_TEST(!lab::commands_of_targets(database, {"nothing"}, {"/s/a.cpp"}));
}

BOOST_AUTO_TEST_CASE(text_that_is_no_compile_database_keeps_the_whole_database) {
  BOOST_TEST(!lab::commands_of_targets("{not json", {"sol_functional"}, {"/s/a.cpp"}));
  BOOST_TEST(!lab::commands_of_targets(R"({"file": "/s/a.cpp"})", {"sol_functional"}, {"/s/a.cpp"}));
}
