// The grading policy (racelab-check --policy --grading), through the real
// binary, as a grader runs it: every file compiled by the three builds of an
// exercise (the functional grader, its ThreadSanitizer twin, the perf driver).
//
// - reject/<case>/: a student's folder with one trick; each finding it must
//   give is announced in its files, clang-tidy style, under the line it is on:
//     // CHECK-MESSAGES: :[[@LINE-1]]:<col>: error: <message part> [racelab-policy-<check>]
//   and nothing else may be reported;
// - allow/<case>/: honest solutions in many styles: nothing may be reported;
// - the kit: every starter, reference solution and wrong fix passes the policy,
//   under the compile commands this build gives it;
// - the corpus (tests/corpus, where present): every entry, right or wrong,
//   passes the policy.
//
// The exercise is exercise 1 unless a source says `// POLICY-EXERCISE: NN-name`. The top-level *.cpp files of a case are the
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

/// The exercise named by a `// POLICY-EXERCISE:` line in one of \p sources.
std::string exerciseOf(const std::vector<fs::path> &sources) {
  static const std::regex marker(R"(// POLICY-EXERCISE: ([0-9][0-9]-[a-z-]+))");
  for (const fs::path &source : sources) {
    std::smatch m;
    std::string text = slurp(source);
    if (std::regex_search(text, m, marker))
      return m[1].str();
  }
  return "01-counter";
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
      Run r = runPolicy(folder, sources, exerciseOf(sources));
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
      Run r = runPolicy(folder, sources, exerciseOf(sources));
      BOOST_CHECK_MESSAGE(r.status == 0, "exit status " << r.status << "\n" << r.out << r.err);
      BOOST_CHECK_EQUAL(r.out, "[]\n");
      BOOST_CHECK_EQUAL(r.err, "");
    }
  }
}

// The helper worker_count() is defined in threaded.cpp and declared in
// queue_manager.cpp: in one run the declaration is settled, alone it is not.
BOOST_AUTO_TEST_CASE(a_function_is_settled_by_the_files_of_the_run) {
  fs::path folder = PolicyDir / "allow" / "ex6-strategies-shared-helper";
  Run alone = runPolicy(folder, {folder / "queue_manager.cpp"}, "06-prime-pool");
  BOOST_CHECK_EQUAL(alone.status, 1);
  auto findings = findingsOf(alone);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_CHECK_EQUAL(findings[0].check, "racelab-policy-reference");
  BOOST_CHECK(findings[0].message.find("'racelab::worker_count' is declared but none of your files defines it") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cli)

const std::string Racy = R"(#include <thread>
long counter = 0;
void work() {
  counter = counter + 1; const char *s = "NOLINT"; (void)s;
}
long run() {
  std::thread a(work), b(work);
  a.join();
  b.join();
  return counter;
}
)";

// NOLINT counts only in a comment; when grading, not even there.
BOOST_AUTO_TEST_CASE(nolint_silences_only_from_a_comment_and_never_when_grading) {
  Scratch s;
  write(s.dir / "in_string.cpp", Racy);
  std::string commented = Racy;
  commented.replace(commented.find("const char"), std::string("const char *s = \"NOLINT\"; (void)s;").size(),
                    "// NOLINT(racelab-missing-lock)");
  write(s.dir / "in_comment.cpp", commented);
  auto missingLock = [](const Run &r) {
    auto all = findingsOf(r);
    return std::count_if(all.begin(), all.end(), [](const Finding &f) {
      return f.check == "racelab-missing-lock" && f.kind == "concurrency" && f.severity == "warning";
    });
  };
  Run inString = runChecker({"--format=json", (s.dir / "in_string.cpp").string(), "--", "-std=c++20"});
  BOOST_CHECK_EQUAL(inString.status, 1);
  BOOST_CHECK_EQUAL(missingLock(inString), 1);
  Run inComment = runChecker({"--format=json", (s.dir / "in_comment.cpp").string(), "--", "-std=c++20"});
  BOOST_CHECK_EQUAL(inComment.status, 0);
  Run grading =
      runChecker({"--grading", "--format=json", (s.dir / "in_comment.cpp").string(), "--", "-std=c++20"});
  BOOST_CHECK_EQUAL(grading.status, 1);
  BOOST_CHECK_EQUAL(missingLock(grading), 1);
}

// Code only one build compiles is read only when every build is.
BOOST_AUTO_TEST_CASE(grading_reads_every_compile_command) {
  Scratch s;
  write(s.dir / "counter.cpp", R"(#include "counter.hpp"
#include <unistd.h>
namespace racelab {
long count_in_parallel(int workers, long increments) {
#ifdef ONE_BUILD_ONLY
  unlink("report.xml");
#endif
  return workers * increments;
}
}
)");
  boost::json::array db;
  for (std::string extra : {"-O2", "-DONE_BUILD_ONLY"})
    db.push_back(boost::json::object{
        {"directory", s.dir.string()},
        {"file", (s.dir / "counter.cpp").string()},
        {"arguments", boost::json::array{"clang++-16", "-std=c++20", "-I" + (KitDir / "exercises/01-counter").string(),
                                         extra, "-c", (s.dir / "counter.cpp").string()}}});
  write(s.dir / "compile_commands.json", boost::json::serialize(db));
  const std::string policy = "--policy=" + (KitDir / "tests/exercises/01-counter/exercise.json").string();
  Run first = runChecker({policy, "--checks=-*", "--format=json", "-p", s.dir.string(), (s.dir / "counter.cpp").string()});
  BOOST_CHECK_EQUAL(first.status, 0);
  Run every = runChecker({policy, "--grading", "--checks=-*", "--format=json", "-p", s.dir.string(),
                          (s.dir / "counter.cpp").string()});
  BOOST_CHECK_EQUAL(every.status, 1);
  std::set<std::string> checks;
  for (const Finding &f : findingsOf(every))
    checks.insert(f.check);
  BOOST_CHECK(checks == (std::set<std::string>{"racelab-policy-reference", "racelab-policy-build-dependent"}));
}

// A link inside the student's folder leads wherever it points.
BOOST_AUTO_TEST_CASE(links_out_of_the_folder_are_followed) {
  Scratch s;
  fs::path folder = s.dir / "student";
  fs::create_directories(folder);
  fs::create_symlink(KitDir / "solutions/01-counter/mutex/counter.cpp", folder / "counter.cpp");
  Run linkedMain = runPolicy(folder, {folder / "counter.cpp"}, "01-counter");
  BOOST_CHECK_EQUAL(linkedMain.status, 1);
  auto findings = findingsOf(linkedMain);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_CHECK(findings[0].message.find("this file is a link to a file outside your folder") == 0);

  fs::remove(folder / "counter.cpp");
  write(folder / "counter.cpp", "#include \"helper.hpp\"\n");
  fs::create_symlink(KitDir / "solutions/01-counter/atomic/counter.cpp", folder / "helper.hpp");
  Run linkedInclude = runPolicy(folder, {folder / "counter.cpp"}, "01-counter");
  BOOST_CHECK_EQUAL(linkedInclude.status, 1);
  findings = findingsOf(linkedInclude);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_CHECK(findings[0].message.find("'#include \"helper.hpp\"' reads a link to a file outside your folder") == 0);
}

// --student-dir: a workspace whose sources sit in a subfolder.
BOOST_AUTO_TEST_CASE(student_dir_widens_the_folder) {
  Scratch s;
  write(s.dir / "common.hpp", "#pragma once\ninline long twice(long x) { return 2 * x; }\n");
  write(s.dir / "src" / "counter.cpp", R"(#include "counter.hpp"
#include "../common.hpp"
namespace racelab {
long count_in_parallel(int workers, long increments) { return twice(workers * increments) / 2; }
}
)");
  std::vector<fs::path> sources = {s.dir / "src" / "counter.cpp"};
  Run narrow = runPolicy(s.dir / "src", sources, "01-counter");
  BOOST_CHECK_EQUAL(narrow.status, 1);
  Run wide = runPolicy(s.dir / "src", sources, "01-counter", {"--student-dir=" + s.dir.string()});
  BOOST_CHECK_EQUAL(wide.status, 0);
  BOOST_CHECK_EQUAL(wide.out, "[]\n");
}

// A bad policy file stops the run with one line that says what is wrong.
BOOST_AUTO_TEST_CASE(bad_policy_files_are_one_line_errors) {
  Scratch s;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{ \"policy\": { \"functions\": [\"fork\", 3] } }", "policy.functions[1]: expected a non-empty string"},
      {"{ \"policy\": { \"funtions\": [] } }", "unknown key 'policy.funtions'"},
      {"{ \"name\": \"01-counter\" }", "no \"policy\" key"},
      {"{ \"policy\": [] }", "\"policy\" must be a JSON object"},
      {"{ \"policy\": { \"denied\": [{\"name\": \"x\"}] } }", "policy.denied[0]: expected exactly \"name\" and \"why\""},
      {"{ \"policy\": {,} }", "exercise.json:1:"},
  };
  for (const auto &[text, error] : cases) {
    BOOST_TEST_CONTEXT(text) {
      write(s.dir / "exercise.json", text);
      Run r = runChecker({"--policy=" + (s.dir / "exercise.json").string(),
                          (KitDir / "exercises/01-counter/counter.cpp").string(), "--", "-std=c++20"});
      BOOST_CHECK_EQUAL(r.status, 2);
      BOOST_CHECK_EQUAL(r.out, "");
      BOOST_CHECK_EQUAL(lines(r.err).size(), 1u);
      BOOST_CHECK_MESSAGE(r.err.find("racelab-check: error: --policy: ") == 0 && r.err.find(error) != std::string::npos,
                          r.err);
    }
  }
  // A file that is not there, a folder, no file at all: the same, before any
  // source file is looked at (x.cpp does not exist either).
  fs::create_directories(s.dir / "folder.json");
  const std::vector<std::pair<std::string, std::string>> unusable = {
      {"--policy=" + (s.dir / "none.json").string(), "cannot read policy file '" + (s.dir / "none.json").string() + "'"},
      {"--policy=" + (s.dir / "folder.json").string(), "cannot read policy file"},
      {"--policy=", "no policy file named"},
  };
  for (const auto &[option, error] : unusable) {
    BOOST_TEST_CONTEXT(option) {
      Run r = runChecker({option, "--grading", "--format=json", "x.cpp", "--"});
      BOOST_CHECK_EQUAL(r.status, 2);
      BOOST_CHECK_EQUAL(r.out, "");
      BOOST_CHECK_EQUAL(lines(r.err).size(), 1u);
      BOOST_CHECK_MESSAGE(r.err.find("racelab-check: error: --policy: ") == 0 && r.err.find(error) != std::string::npos,
                          r.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(list_checks_and_sarif_show_the_policy_checks) {
  const std::string policy = "--policy=" + (KitDir / "tests/exercises/01-counter/exercise.json").string();
  Run listed = runChecker({policy, "--list-checks"});
  BOOST_CHECK_EQUAL(listed.status, 0);
  for (const char *check : {"racelab-policy-include", "racelab-policy-reference", "racelab-policy-static-init"})
    BOOST_CHECK_MESSAGE(listed.out.find(std::string("    ") + check + "\n") != std::string::npos, listed.out);

  fs::path folder = PolicyDir / "reject" / "atexit-handler";
  Run sarif = runChecker({policy, "--checks=-*", "--format=sarif", (folder / "counter.cpp").string(), "--",
                          "-std=c++20", "-I" + (KitDir / "exercises/01-counter").string()});
  BOOST_CHECK_EQUAL(sarif.status, 1);
  const boost::json::value log = boost::json::parse(sarif.out);
  const auto &run = log.at("runs").as_array().at(0);
  bool rule = false;
  for (const auto &r : run.at("tool").at("driver").at("rules").as_array())
    rule |= r.at("id").as_string() == "racelab-policy-reference" &&
            r.at("defaultConfiguration").at("level").as_string() == "error" &&
            r.at("helpUri").as_string().ends_with("/policy-reference.md");
  BOOST_CHECK(rule);
  const auto &results = run.at("results").as_array();
  BOOST_REQUIRE(!results.empty());
  BOOST_CHECK_EQUAL(results[0].at("level").as_string(), "error");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kit)

// Every starter, reference solution and wrong fix: all of them are code a
// student could hand in, and the policy must not cost any of them a point.
// They are analysed as a judge will: with the compile commands this build
// gave them (the functional grader's and the ThreadSanitizer build's).
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
        std::vector<std::string> args = {
            "--policy=" + (KitDir / "tests" / "exercises" / name / "exercise.json").string(), "--grading",
            "--checks=-*", "--format=json", "-p", RACELAB_BUILD_DIR};
        for (const fs::path &source : sourcesOf(folder))
          args.push_back(source.string());
        Run r = runChecker(args);
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

#ifdef RACELAB_POLICY_CORPUS_DIR
BOOST_AUTO_TEST_SUITE(corpus)

// Student work in many styles (tests/corpus/NN-name/{correct,wrong}/<entry>/):
// the wrong entries hold concurrency bugs, not attacks, so every entry, right
// or wrong, must pass the policy; the judges tell them apart.
BOOST_AUTO_TEST_CASE(every_corpus_entry_passes) {
  const fs::path corpus = RACELAB_POLICY_CORPUS_DIR;
  unsigned entries = 0;
  for (const fs::path &exercise : casesIn(corpus)) {
    const std::string name = exercise.filename().string();
    for (const char *kind : {"correct", "wrong"}) {
      if (!fs::is_directory(exercise / kind))
        continue;
      for (const fs::path &folder : casesIn(exercise / kind)) {
        BOOST_TEST_CONTEXT(fs::relative(folder, corpus).string()) {
          Run r = runPolicy(folder, sourcesOf(folder), name);
          BOOST_CHECK_MESSAGE(r.status == 0, "exit status " << r.status << "\n" << r.out << r.err);
          BOOST_CHECK_EQUAL(r.out, "[]\n");
          BOOST_CHECK_EQUAL(r.err, "");
          ++entries;
        }
      }
    }
  }
  BOOST_CHECK_GE(entries, 100u); // the corpus was really found
}

BOOST_AUTO_TEST_SUITE_END()
#endif
