#include "grade/formats/report_files.hpp"

#include "grade/formats/annotations.hpp"
#include "grade/formats/gradescope.hpp"
#include "grade/formats/junit.hpp"
#include "grade/formats/markdown.hpp"
#include "grade/formats/report_json.hpp"
#include "grade/formats/sarif.hpp"

#include "core/regular_file.hpp"

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// A file created afresh: a FIFO, link or device left at its name is replaced, never opened.
void write_text(const fs::path& file, const std::string& text) {
  try {
    write_fresh_file(file, text);
  } catch (const FileError& e) {
    throw ReportWriteError{std::string("cannot write ") + e.what()};
  }
}

}  // namespace

std::vector<fs::path> write_reports(const GradeReport& report, const fs::path& dir) {
  std::vector<fs::path> written;
  auto write = [&](const std::string& name, const std::string& text) {
    write_text(dir / name, text);
    written.push_back(dir / name);
  };
  write("report.json", boost::json::serialize(report_json(report)) + "\n");
  write("junit.xml", junit_xml(report));
  write("results.json", boost::json::serialize(gradescope_results(report)) + "\n");
  const auto summary = markdown_summary(report);
  write("summary.md", summary);
  write("annotations.txt", github_annotations(report));
  write("racelab.sarif", boost::json::serialize(sarif_log(report)) + "\n");
  // GitHub shows this file on the job's page; appending keeps what earlier steps wrote.
  if (const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY"); step_summary != nullptr && *step_summary) {
    std::ofstream(step_summary, std::ios::app) << summary << '\n';
  }
  return written;
}

}  // namespace racelab::lab
