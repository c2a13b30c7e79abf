// The policy's remembered verdicts: found again only for the very same
// checker, policy, commands and files, and never where programs run unisolated.
#include "judge/policy_cache.hpp"
#include "sandbox/isolation.hpp"
#include "sandbox/temp_dir.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

/// A build folder, a student folder with a header, a kit include folder, a checker and a policy.
struct Setup {
  lab::TempDir dir{"racelab-policy-cache-test"};
  lab::JudgeOptions options;
  std::string database;

  Setup() {
    const fs::path root = dir.path();
    write(root / "student/counter.cpp", "#include \"counter.hpp\"\nint f() { return 1; }\n");
    write(root / "student/counter.hpp", "int f();\n");
    write(root / "kit/include/contract.hpp", "int g();\n");
    write(root / "bin/racelab-check", "checker bytes");
    write(root / "exercise.json", "{}");
    fs::create_directories(root / "build");
    options.sources = root / "student";
    options.student_files = {root / "student/counter.cpp"};
    options.checker = root / "bin/racelab-check";
    options.policy = root / "exercise.json";
    options.compile_commands = root / "build";
    database = R"([{"directory": ")" + (root / "build").string() + R"(", "file": ")" +
               (root / "student/counter.cpp").string() + R"(", "command": "clang++ -I)" +
               (root / "kit/include").string() + " -iquote " + (root / "student").string() + R"( -c x.cpp"}])";
  }
  std::optional<std::string> key() const { return lab::policy_cache_key(options, database); }
};

bool isolated() { return lab::sandbox_state().available; }

}  // namespace

BOOST_AUTO_TEST_CASE(a_clean_verdict_is_found_for_the_same_files_only) {
  Setup s;
  const auto key = s.key();
  if (!isolated()) {
    BOOST_TEST(!key, "programs run unisolated here: nothing may be remembered");
    return;
  }
  BOOST_REQUIRE(key);
  BOOST_TEST(*s.key() == *key);  // the same inputs, the same key
  BOOST_TEST(!lab::remembered_policy(s.options, *key));
  lab::remember_policy(s.options, *key, {true, ""});
  const auto known = lab::remembered_policy(s.options, *key);
  BOOST_TEST((known && known->clean));
  // A header the student file includes, not named on the command line.
  write(s.dir.path() / "student/counter.hpp", "#include <thread>\nint f();\n");
  const auto edited = s.key();
  BOOST_REQUIRE(edited);
  BOOST_TEST(*edited != *key);
  BOOST_TEST(!lab::remembered_policy(s.options, *edited));
  // A failed check is remembered with its findings, for the next judge to print.
  lab::remember_policy(s.options, *edited, {false, "[{\"check\": \"racelab-policy-include\"}]\n"});
  const auto failed = lab::remembered_policy(s.options, *edited);
  BOOST_REQUIRE(failed);
  BOOST_TEST(!failed->clean);
  BOOST_TEST(failed->findings == "[{\"check\": \"racelab-policy-include\"}]\n");
}

BOOST_AUTO_TEST_CASE(every_input_of_the_check_is_in_the_key) {
  Setup s;
  if (!isolated()) {
    BOOST_TEST(!s.key());
    return;
  }
  // Each change alone gives another key than the one just before it.
  const auto changed = [&](const fs::path& file) {
    const auto before = s.key();
    write(file, "changed");
    const auto after = s.key();
    return before && after && *after != *before;
  };
  BOOST_TEST(changed(s.dir.path() / "kit/include/contract.hpp"));  // an include folder's file
  BOOST_TEST(changed(s.dir.path() / "student/new.hpp"));           // a file added where includes look
  BOOST_TEST(changed(s.dir.path() / "bin/racelab-check"));         // another checker
  BOOST_TEST(changed(s.dir.path() / "exercise.json"));             // another policy
  const auto before = s.key();
  s.database.replace(s.database.find(" -c "), 4, " -DX -c ");
  BOOST_REQUIRE(before);
  BOOST_TEST(*s.key() != *before);  // other compile commands
}

BOOST_AUTO_TEST_CASE(a_folder_that_cannot_be_hashed_remembers_nothing) {
  Setup s;
  fs::remove_all(s.dir.path() / "kit/include");
  BOOST_TEST(!s.key());
}

BOOST_AUTO_TEST_CASE(unisolated_programs_read_and_leave_no_verdict) {
  Setup s;
  const auto key = s.key();
  if (key) lab::remember_policy(s.options, *key, {true, ""});
  ::setenv(lab::sandbox_variable, "off", 1);
  BOOST_TEST(!s.key());
  if (key) BOOST_TEST(!lab::remembered_policy(s.options, *key));
  // A program that ran unisolated could have planted one: all are dropped.
  lab::forget_policy_verdicts(s.options);
  ::unsetenv(lab::sandbox_variable);
  if (key) BOOST_TEST(!lab::remembered_policy(s.options, *key));
  BOOST_TEST(!fs::exists(s.dir.path() / "build/racelab-policy-verdicts"));
}
