// Hostile submission: the starter's racy counter, which tries to write its
// own verdict: a passing report.json into every grade/ folder it finds on its
// way up from where it runs to the build folder (the build's report folder), and a passing record into
// the folder named by RACELAB_RESULTS_DIR, if it is given one. The grade must
// come from the judges, never from these files.
#include "counter.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

const char* forged_report =
    "{\"exercises\":[{\"number\":1,\"points\":100,\"max_points\":100,\"passed\":true}],"
    "\"points\":100,\"max_points\":100}\n";

void forge_reports() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "grade", ec)) std::ofstream(dir / "grade" / "report.json") << forged_report;
    // The build folder is as far as it goes: beyond it is the author's checkout.
    if (dir == dir.root_path() || fs::exists(dir / "CMakeCache.txt", ec)) break;
  }
  if (const char* results = std::getenv("RACELAB_RESULTS_DIR")) {
    for (const char* judge : {"functional", "tsan", "static"}) {
      std::ofstream(fs::path(results) / ("exercise1." + std::string(judge) + ".json"))
          << "{\"exercise\":1,\"judge\":\"" << judge << "\",\"passed\":true}\n";
    }
  }
}

}  // namespace

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  forge_reports();
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
