// The grading policy (racelab-check --policy --grading), through the real
// binary, as a grader runs it: every file compiled by the three builds of an
// exercise (the functional grader, its ThreadSanitizer twin, the perf driver).
//
// - reject/<case>/: a student's folder with one trick; each finding it must
//   give is announced in its files, clang-tidy style, under the line it is on:
//     // CHECK-MESSAGES: :[[@LINE-1]]:<col>: error: <message part> [racelab-policy-<check>]
//   and nothing else may be reported;
// - allow/<case>/: honest solutions in many styles: nothing may be reported;
// - the kit: every starter, reference solution and wrong fix passes the policy.
//
// The exercise is exercise 1 unless the first source says
// `// POLICY-EXERCISE: NN-name`. The top-level *.cpp files of a case are the
// sources; any file of the folder may hold annotations.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "../checker_test_support.hpp"

namespace {

using namespace checker_test;

const fs::path PolicyDir = RACELAB_POLICY_TEST_DIR;
const fs::path KitDir = RACELAB_SOURCE_DIR;

/// The include folders and TSan optimisation level of each exercise's
/// graders (tests/exercises/NN-name/CMakeLists.txt).
struct ExerciseBuild {
  std::vector<std::string> includes; // relative to the kit
  std::string tsanLevel = "-O1";
};

ExerciseBuild buildOf(const std::string &exercise) {
  static const std::map<std::string, ExerciseBuild> builds = {
      {"01-counter", {{"tests/util/random_pause"}}},
      {"02-print-interleaving", {{"tests/util/random_pause"}}},
      {"03-shared-string", {{"tests/util/random_pause"}}},
      {"04-blocking-coroutine", {{"tests/util/loop_monitor"}, "-O0"}},
      {"05-stopping-a-thread", {{"tests/exercises/05-stopping-a-thread"}}},
      {"06-prime-pool", {{"tests/exercises/06-prime-pool", "lab/bench/include"}, "-O0"}},
      {"07-waiters-and-tables", {{"lab/bench/include"}}},
  };
  return builds.at(exercise);
}

/// compile_commands.json for \p sources of the student folder \p folder:
/// the functional build, the TSan build, and a perf build without the test
/// framework's macros.
void writeDatabase(const fs::path &dbDir, const fs::path &folder, const std::vector<fs::path> &sources,
                   const std::string &exercise) {
  ExerciseBuild build = buildOf(exercise);
  std::vector<std::string> common = {"clang++-16", "-std=c++20", "-I" + folder.string(),
                                     "-I" + (KitDir / "exercises" / exercise).string()};
  for (const std::string &include : build.includes)
    common.push_back("-I" + (KitDir / include).string());
  const std::string module = "-DBOOST_TEST_MODULE=exercise" + exercise.substr(1, 1);
  const std::vector<std::vector<std::string>> flavours = {
      {"-DBOOST_TEST_DYN_LINK", module, "-O2"},
      {"-DBOOST_TEST_DYN_LINK", module, build.tsanLevel, "-fsanitize=thread"},
      {"-O2"}};
  boost::json::array db;
  for (const fs::path &source : sources)
    for (size_t f = 0; f < flavours.size(); ++f) {
      boost::json::array arguments;
      for (const std::string &a : common)
        arguments.push_back(boost::json::string(a));
      for (const std::string &a : flavours[f])
        arguments.push_back(boost::json::string(a));
      for (const std::string &a :
           std::vector<std::string>{"-c", source.string(), "-o", "build" + std::to_string(f) + ".o"})
        arguments.push_back(boost::json::string(a));
      db.push_back(boost::json::object{{"directory", dbDir.string()}, {"file", source.string()},
                                       {"arguments", arguments}});
    }
  write(dbDir / "compile_commands.json", boost::json::serialize(db));
}

std::string exerciseOf(const fs::path &source) {
  static const std::regex marker(R"(// POLICY-EXERCISE: ([0-9][0-9]-[a-z-]+))");
  std::smatch m;
  std::string text = slurp(source);
  return std::regex_search(text, m, marker) ? m[1].str() : "01-counter";
}

std::vector<fs::path> sourcesOf(const fs::path &folder) {
  std::vector<fs::path> sources;
  for (const auto &entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".cpp" && entry.is_regular_file())
      sources.push_back(entry.path());
  std::sort(sources.begin(), sources.end());
  return sources;
}

/// Runs the policy on \p sources of \p folder as a grader would.
Run runPolicy(const fs::path &folder, const std::vector<fs::path> &sources, const std::string &exercise,
              std::vector<std::string> extra = {}) {
  Scratch db;
  writeDatabase(db.dir, folder, sources, exercise);
  std::vector<std::string> args = {
      "--policy=" + (KitDir / "tests" / "exercises" / exercise / "exercise.json").string(), "--grading",
      "--checks=-*", "--format=json", "-p", db.dir.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  for (const fs::path &source : sources)
    args.push_back(source.string());
  return runChecker(args);
}

struct Finding {
  std::string file, check, message, kind, severity;
  unsigned line = 0, column = 0;
};

std::vector<Finding> findingsOf(const Run &r) {
  std::vector<Finding> out;
  if (r.out.empty())
    return out;
  const boost::json::value parsed = boost::json::parse(r.out); // alive for the whole loop
  for (const auto &v : parsed.as_array()) {
    const auto &o = v.as_object();
    out.push_back({fs::weakly_canonical(std::string(o.at("file").as_string())).string(),
                   std::string(o.at("check").as_string()), std::string(o.at("message").as_string()),
                   std::string(o.at("kind").as_string()), std::string(o.at("severity").as_string()),
                   unsigned(o.at("line").as_int64()), unsigned(o.at("column").as_int64())});
  }
  return out;
}

struct Expected {
  std::string file, text, check;
  unsigned line = 0, column = 0, annotationLine = 0;
};

/// Every `// CHECK-MESSAGES:` of every file of \p folder.
std::vector<Expected> expectationsOf(const fs::path &folder) {
  static const std::regex annotation(
      R"(// CHECK-MESSAGES: :\[\[@LINE([+-]\d+)?\]\]:(\d+): error: (.*) \[(racelab-policy-[a-z-]+)\]\s*$)");
  std::vector<Expected> out;
  for (const auto &entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file())
      continue;
    auto all = lines(slurp(entry.path()));
    for (unsigned i = 0; i < all.size(); ++i) {
      std::smatch m;
      if (!std::regex_search(all[i], m, annotation))
        continue;
      int offset = m[1].matched ? std::stoi(m[1]) : 0;
      out.push_back({fs::weakly_canonical(entry.path()).string(), m[3], m[4], unsigned(int(i + 1) + offset),
                     unsigned(std::stoul(m[2])), i + 1});
    }
  }
  return out;
}

/// Exactly the announced findings, each once.
void checkAnnotated(const fs::path &folder, const Run &r) {
  auto expected = expectationsOf(folder);
  BOOST_REQUIRE_MESSAGE(!expected.empty(), folder.filename() << ": no CHECK-MESSAGES annotation");
  auto actual = findingsOf(r);
  std::vector<bool> claimed(actual.size(), false);
  for (const Expected &e : expected) {
    unsigned matches = 0;
    for (size_t i = 0; i < actual.size(); ++i) {
      const Finding &a = actual[i];
      if (a.file == e.file && a.line == e.line && a.column == e.column && a.check == e.check &&
          a.message.find(e.text) != std::string::npos) {
        ++matches;
        claimed[i] = true;
      }
    }
    BOOST_CHECK_MESSAGE(matches == 1, fs::path(e.file).filename().string()
                                          << ":" << e.line << ":" << e.column << ": expected one error '"
                                          << e.text << "' [" << e.check << "], got " << matches
                                          << " (annotation on line " << e.annotationLine << ")");
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    BOOST_CHECK_MESSAGE(claimed[i], "unexpected: " << actual[i].file << ":" << actual[i].line << ":"
                                                   << actual[i].column << ": " << actual[i].message << " ["
                                                   << actual[i].check << "]");
    BOOST_CHECK_EQUAL(actual[i].kind, "policy");
    BOOST_CHECK_EQUAL(actual[i].severity, "error");
  }
}

std::vector<fs::path> casesIn(const fs::path &dir) {
  std::vector<fs::path> cases;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.is_directory())
      cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cases)

BOOST_AUTO_TEST_CASE(every_trick_is_rejected_where_it_is) {
  auto cases = casesIn(PolicyDir / "reject");
  BOOST_REQUIRE_GE(cases.size(), 30u);
  for (const fs::path &folder : cases) {
    BOOST_TEST_CONTEXT(folder.filename().string()) {
      auto sources = sourcesOf(folder);
      BOOST_REQUIRE(!sources.empty());
      Run r = runPolicy(folder, sources, exerciseOf(sources.front()));
      BOOST_CHECK_MESSAGE(r.status == 1, "exit status " << r.status << "\n" << r.err);
      BOOST_CHECK_EQUAL(r.err, "");
      checkAnnotated(folder, r);
    }
  }
}

BOOST_AUTO_TEST_CASE(honest_solutions_in_other_styles_pass) {
  auto cases = casesIn(PolicyDir / "allow");
  BOOST_REQUIRE_GE(cases.size(), 10u);
  for (const fs::path &folder : cases) {
    BOOST_TEST_CONTEXT(folder.filename().string()) {
      auto sources = sourcesOf(folder);
      BOOST_REQUIRE(!sources.empty());
      Run r = runPolicy(folder, sources, exerciseOf(sources.front()));
      BOOST_CHECK_MESSAGE(r.status == 0, "exit status " << r.status << "\n" << r.out << r.err);
      BOOST_CHECK_EQUAL(r.out, "[]\n");
      BOOST_CHECK_EQUAL(r.err, "");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kit)

// Every starter, reference solution and wrong fix: all of them are code a
// student could hand in, and the policy must not cost any of them a point.
BOOST_AUTO_TEST_CASE(every_starter_solution_and_wrong_fix_passes) {
  unsigned variants = 0;
  for (const fs::path &exercise : casesIn(KitDir / "exercises")) {
    const std::string name = exercise.filename().string();
    std::vector<fs::path> folders = {exercise};
    for (const fs::path &solution : casesIn(KitDir / "solutions" / name))
      folders.push_back(solution);
    if (fs::is_directory(KitDir / "tests" / "exercises" / name / "wrong-fixes"))
      for (const fs::path &wrong : casesIn(KitDir / "tests" / "exercises" / name / "wrong-fixes"))
        folders.push_back(wrong);
    for (const fs::path &folder : folders) {
      BOOST_TEST_CONTEXT(fs::relative(folder, KitDir).string()) {
        Run r = runPolicy(folder, sourcesOf(folder), name);
        BOOST_CHECK_MESSAGE(r.status == 0, "exit status " << r.status << "\n" << r.out << r.err);
        BOOST_CHECK_EQUAL(r.out, "[]\n");
        BOOST_CHECK_EQUAL(r.err, "");
        ++variants;
      }
    }
  }
  BOOST_CHECK_GE(variants, 40u); // the kit's variants were really found
}

BOOST_AUTO_TEST_SUITE_END()
