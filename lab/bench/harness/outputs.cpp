#include "bench/harness/outputs.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

namespace racelab::lab::bench {

std::vector<std::filesystem::path> write_outputs(const BenchReport& r, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> written;
  const auto write = [&](const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  };
  write("bench.json", boost::json::serialize(to_json(r)) + "\n");
  std::ostringstream csv;
  write_csv(r, csv);
  write("bench.csv", csv.str());
  for (const auto& s : r.series) {
    // A chart needs a curve: a series measured at one worker count has none.
    if (s.workers.size() < 2) continue;
    write("speedup-" + s.workload + "-" + std::to_string(s.size) + ".svg", svg_chart(r, s.workload, s.size));
  }
  return written;
}

}  // namespace racelab::lab::bench
