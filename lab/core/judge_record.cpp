#include "core/judge_record.hpp"

#include "core/regular_file.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <stdexcept>

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

JudgeStatus status_from_id(const std::string& id) {
  for (const JudgeStatus status : {judge_passed, judge_failed, judge_error, judge_unmeasured}) {
    if (status_id(status) == id) return status;
  }
  throw std::invalid_argument("unknown verdict '" + id + "'");
}

}  // namespace

json::value record_to_json(const JudgeRecord& record) {
  return json::object{{"exercise", record.exercise},
                      {"judge", judge_id(record.judge)},
                      {"verdict", status_id(record.verdict)},
                      {"summary", record.summary},
                      {"findings", findings_to_json(record.findings)}};
}

JudgeRecord record_from_json(const json::value& value) {
  const auto& o = value.as_object();
  JudgeRecord record;
  record.exercise = o.at("exercise").to_number<int>();
  const auto judge = judge_from_id(json::value_to<std::string>(o.at("judge")));
  if (!judge) throw std::invalid_argument("a record of an unknown judge");
  record.judge = *judge;
  record.verdict = status_from_id(json::value_to<std::string>(o.at("verdict")));
  if (const auto* summary = o.if_contains("summary"); summary != nullptr && summary->is_string()) {
    record.summary = json::value_to<std::string>(*summary);
  }
  for (const auto& f : o.at("findings").as_array()) record.findings.push_back(finding_from_json(f.as_object(), *judge));
  return record;
}

fs::path record_file(const fs::path& dir, int exercise, Judge judge) {
  return dir / ("exercise" + std::to_string(exercise) + "." + judge_id(judge) + ".json");
}

void write_record(const fs::path& dir, const JudgeRecord& record) {
  const auto file = record_file(dir, record.exercise, record.judge);
  const auto partial = fs::path(file.string() + ".partial");
  try {
    write_fresh_file(partial, json::serialize(record_to_json(record)) + "\n");
  } catch (const FileError&) {
    return;  // no record: the grade then has the verdict without its findings
  }
  std::error_code ec;
  fs::rename(partial, file, ec);
}

}  // namespace racelab::lab
