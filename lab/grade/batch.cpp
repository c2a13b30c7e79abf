#include "grade/batch.hpp"

#include "core/csv.hpp"
#include "core/integrity.hpp"
#include "core/judge.hpp"
#include "core/regular_file.hpp"
#include "core/text.hpp"
#include "core/verdict.hpp"
#include "grade/grade_error.hpp"
#include "grade/tool_watch.hpp"
#include "grade/withheld_credit.hpp"
#include "kit/kit_root.hpp"

#include <boost/json.hpp>
#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/io.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <thread>

namespace racelab::lab {

namespace fs = std::filesystem;
namespace json = boost::json;
namespace bp = boost::process;

namespace {

using Clock = std::chrono::steady_clock;

/// No submission may hold a grading slot longer than this: a build or test
/// that never ends costs that submission only.
constexpr auto submission_time_limit = std::chrono::minutes(90);

/// One student's row of the class CSV.
struct Submission {
  std::string name;
  fs::path folder;
  fs::path out;                         ///< its own report folder (and build)
  std::map<int, double> points;         ///< per exercise
  std::map<int, double> max_points;
  std::string status = "error: not graded";
  std::vector<EditedFile> edited;       ///< protected files not as handed out (their exercises get no credit)
  std::string not_checked;              ///< why they could not be compared, when they could not
  Clock::time_point started;
};

fs::path this_executable() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec);
}

/// Sub-folders of `submissions`, by name; the output folder and hidden ones are not submissions.
std::vector<Submission> find_submissions(const fs::path& submissions, const fs::path& out) {
  std::vector<Submission> found;
  for (const auto& entry : fs::directory_iterator(submissions)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory() || name.starts_with(".")) continue;
    std::error_code ec;
    if (fs::equivalent(entry.path(), out, ec)) continue;
    Submission submission;
    submission.name = name;
    submission.folder = fs::absolute(entry.path());
    submission.out = out / name;
    found.push_back(std::move(submission));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return found;
}

/// The same check `racelab grade --workspace` makes (the submission's own record and
/// the kit's files), done here as well so that the CSV names the files even when the
/// submission's grading does not finish.
void check_tampering(const fs::path& kit, Submission& submission) {
  try {
    submission.edited = find_edited_files(integrity_check(submission.folder, std::nullopt, kit));
  } catch (const GradeError& e) {
    submission.not_checked = e.message;
  }
}

/// Fills points and status from the submission's report.json and grade's exit status.
void read_result(Submission& submission, int exit_code) {
  const fs::path report = submission.out / "report.json";
  std::error_code ec;
  if (exit_code == 2 || !fs::is_regular_file(fs::symlink_status(report, ec))) {
    const auto log = read_text(submission.out / "grade-output.txt");
    std::string last;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("racelab grade:") != std::string::npos) last = line.substr(line.find("racelab grade:") + 15);
    }
    submission.status = "error: " + (last.empty() ? "grading did not finish (exit " + std::to_string(exit_code) + ")" : last);
    return;
  }
  json::value document;
  try {
    document = json::parse(read_regular_file(report, 64u << 20));  // never through a link
  } catch (const std::exception& e) {
    submission.status = std::string("error: unreadable report.json: ") + e.what();
    return;
  }
  std::vector<std::string> uncompiled;
  for (const auto& value : document.at("exercises").as_array()) {
    const auto& exercise = value.as_object();
    if (const auto* graded = exercise.if_contains("graded"); graded && graded->is_bool() && !graded->as_bool()) {
      continue;  // not in this submission: no column of its own
    }
    const int number = static_cast<int>(exercise.at("number").to_number<double>());
    double points = 0, max = 0;
    if (const auto* judges = exercise.if_contains("judges"); judges && judges->is_object()) {
      for (const auto& [judge, outcome] : judges->as_object()) {
        const auto& o = outcome.as_object();
        if (const auto* p = o.if_contains("points")) points += p->to_number<double>();
        if (const auto* m = o.if_contains("max_points")) max += m->to_number<double>();
        const bool build_failed = judge == judge_id(Judge::build) && o.at("status").as_string() == verdict_word(Verdict::fail);
        if (build_failed) uncompiled.push_back(std::to_string(number));
      }
    }
    if (max == 0) continue;  // not in the course
    submission.points[number] = points;
    submission.max_points[number] = max;
  }
  submission.status = uncompiled.empty() ? "graded" : "did not compile: exercise " + uncompiled.front();
  for (std::size_t i = 1; i < uncompiled.size(); ++i) submission.status += ", " + uncompiled[i];
}

/// Credit withheld for exercises an edited protected file grades (every exercise for a shared file).
void withhold_credit(Submission& submission) {
  if (submission.edited.empty()) return;
  for (auto& [number, points] : submission.points) {
    if (withholds_credit(submission.edited, number)) points = 0;
  }
  submission.status += " (credit withheld: protected files edited)";
}

std::string number_text(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

void write_csv(const fs::path& file, const std::vector<Submission>& submissions) {
  std::map<int, double> columns;  // exercise → max points
  for (const auto& s : submissions) {
    for (const auto& [number, max] : s.max_points) columns[number] = std::max(columns[number], max);
  }
  double max_total = 0;
  for (const auto& [number, max] : columns) max_total += max;
  std::ostringstream out;
  out << "submission";
  for (const auto& [number, max] : columns) out << ",exercise" << number;
  out << ",total,max,status,tampered\n";
  for (const auto& s : submissions) {
    double total = 0;
    out << csv_field(s.name);
    for (const auto& [number, max] : columns) {
      const auto it = s.points.find(number);
      const double points = it == s.points.end() ? 0 : it->second;
      total += points;
      out << "," << number_text(points);
    }
    std::string tampered;
    for (const auto& file : s.edited) tampered += (tampered.empty() ? "" : "; ") + file.path + " (" + file.what + ")";
    if (!s.not_checked.empty()) tampered += std::string(tampered.empty() ? "" : "; ") + "not checked: " + s.not_checked;
    out << "," << number_text(total) << "," << number_text(max_total) << "," << csv_field(s.status) << ","
        << csv_field(tampered) << "\n";
  }
  write_fresh_file(file, out.str());
}

/// Starts `racelab grade --workspace` on one submission, in its own build folder.
bp::child start_grading(const fs::path& racelab, const BatchOptions& options, const Submission& submission) {
  fs::create_directories(submission.out);
  std::vector<std::string> args{"grade", "--workspace", submission.folder.string(), "--out", submission.out.string()};
  if (!options.course.empty()) {
    args.push_back("--course");
    args.push_back(fs::absolute(options.course).string());
  }
  // Created afresh: an earlier submission's program, run without the sandbox, may have put a
  // FIFO (an open would block the batch) or a link at this name.
  FILE* log = ::fdopen(create_fresh_file(submission.out / "grade-output.txt"), "w");
  if (log == nullptr) throw std::runtime_error("cannot open " + (submission.out / "grade-output.txt").string());
  const std::unique_ptr<FILE, int (*)(FILE*)> closed_after_start(log, &std::fclose);
  return bp::child(racelab.string(), bp::args(args), bp::std_in < bp::null, (bp::std_out & bp::std_err) > log);
}

std::string progress_line(const Submission& s, std::size_t done, std::size_t total) {
  double points = 0, max = 0;
  for (const auto& [n, p] : s.points) points += p;
  for (const auto& [n, m] : s.max_points) max += m;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - s.started).count();
  return "[" + std::to_string(done) + "/" + std::to_string(total) + "] " + s.name + ": " + s.status + ", " +
         number_text(points) + "/" + number_text(max) + " points (" + std::to_string(seconds) + " s)";
}

struct Running {
  std::size_t index;
  bp::child child;
};

/// A grade made while the tools were changing proves nothing: its points go, and so do
/// the report files the submission's grading wrote, so that none is taken for valid.
void invalidate(Submission& s, const std::string& why) {
  s.points.clear();
  s.status = "error: " + why;
  for (const char* name : {"report.json", "results.json", "junit.xml", "summary.md", "annotations.txt", "racelab.sarif"}) {
    std::error_code ec;
    fs::remove(s.out / name, ec);
  }
}

/// After a submission's grading ended: when a tool changed meanwhile, every grade not yet
/// final (this one, those running beside it, those not started) is void and the batch stops.
/// Returns the error to show, empty when the tools are as they were.
std::string stop_if_tools_changed(const ToolWatch& tools, std::vector<Submission>& submissions, std::size_t ended,
                                  std::vector<Running>& running, std::size_t next) {
  const auto changed = tools.changed();
  if (changed.empty()) return {};
  const std::string what = join(changed, ", ");
  const std::string name = submissions[ended].name;
  invalidate(submissions[ended], "the grading tools changed while it was graded: " + what + "; its grade is not valid");
  for (auto& r : running) {
    std::error_code ec;
    r.child.terminate(ec);
    r.child.wait(ec);
    invalidate(submissions[r.index], "the grading tools changed while " + name + " (graded at the same time) was graded");
  }
  running.clear();
  for (std::size_t i = next; i < submissions.size(); ++i) {
    invalidate(submissions[i], "not graded: the grading tools changed while " + name + " was graded");
  }
  return "stopped: the grading tools changed while submission '" + name + "' was graded: " + what +
         ". Its grade and every later one are not valid. A program run without the sandbox can write the "
         "tools: rebuild them and grade again where bubblewrap runs (see the report's 'not isolated' note)";
}

/// Grades the submissions, at most `jobs` at a time, reporting each as it ends. Returns
/// the error that stopped the batch (the tools changed), empty when every submission was graded.
std::string grade_all(const fs::path& racelab, const BatchOptions& options, const ToolWatch& tools,
                      std::vector<Submission>& submissions, std::ostream& err) {
  std::vector<Running> running;
  std::size_t next = 0, done = 0;
  while (done < submissions.size()) {
    while (next < submissions.size() && running.size() < static_cast<std::size_t>(std::max(1, options.jobs))) {
      auto& s = submissions[next];
      s.started = Clock::now();
      try {
        running.push_back({next, start_grading(racelab, options, s)});
      } catch (const std::exception& e) {
        s.status = std::string("error: cannot start racelab: ") + e.what();
        err << progress_line(s, ++done, submissions.size()) << "\n";
      }
      ++next;
    }
    for (auto it = running.begin(); it != running.end();) {
      auto& s = submissions[it->index];
      std::error_code ec;
      const bool over_time = Clock::now() - s.started > submission_time_limit;
      if (it->child.running(ec) && !over_time) {
        ++it;
        continue;
      }
      if (over_time && it->child.running(ec)) it->child.terminate(ec);
      it->child.wait(ec);
      read_result(s, over_time ? 2 : it->child.exit_code());
      if (over_time) s.status = "error: grading took longer than 90 minutes";
      withhold_credit(s);
      const std::size_t ended = it->index;
      it = running.erase(it);
      const auto stopped = stop_if_tools_changed(tools, submissions, ended, running, next);
      err << progress_line(s, ++done, submissions.size()) << "\n" << std::flush;
      if (!stopped.empty()) return stopped;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return {};
}

}  // namespace

int run_batch(const BatchOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.submissions, ec)) {
    err << "racelab grade --batch: no folder " << options.submissions.string() << "\n";
    return 2;
  }
  const fs::path submissions_dir = fs::absolute(options.submissions).lexically_normal();
  const fs::path out_dir = fs::absolute(options.out.value_or(submissions_dir / "racelab-grades")).lexically_normal();
  const auto kit = find_kit_root(this_executable().parent_path());
  const auto kit_here = kit ? kit : find_kit_root();
  try {
    fs::create_directories(out_dir);
    auto submissions = find_submissions(submissions_dir, out_dir);
    if (submissions.empty()) {
      err << "racelab grade --batch: no submission folders in " << submissions_dir.string() << "\n";
      return 2;
    }
    if (kit_here) {
      for (auto& s : submissions) check_tampering(*kit_here, s);
    } else {
      err << "racelab grade --batch: kit not found above this racelab or the current folder; protected files "
             "are not compared\n";
    }
    err << "racelab grade --batch: grading " << submissions.size() << " submissions, " << options.jobs
        << " at a time; reports in " << out_dir.string() << "\n";
    // Before any submission runs: what every one of them must be graded with.
    const ToolWatch tools(grading_tools(this_executable(), kit_here));
    const auto started = Clock::now();
    const auto stopped = grade_all(this_executable(), options, tools, submissions, err);
    const fs::path csv = out_dir / "class.csv";
    write_csv(csv, submissions);
    if (!stopped.empty()) {
      err << "racelab grade --batch: " << stopped << "; class CSV (with those grades marked as errors): "
          << csv.string() << "\n";
      return 2;
    }
    const auto seconds = std::chrono::duration<double>(Clock::now() - started).count();
    out << "racelab grade --batch: " << submissions.size() << " submissions graded in " << number_text(std::round(seconds))
        << " s (" << number_text(std::round(submissions.size() * 600.0 / std::max(seconds, 1.0)) / 10)
        << " per minute, -j " << options.jobs << "); class CSV: " << csv.string() << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "racelab grade --batch: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace racelab::lab
