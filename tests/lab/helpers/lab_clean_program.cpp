// Built with -fsanitize=thread: correct (atomic) counter, so no TSan report,
// but its checks "fail": it writes a failing Boost.Test report where the
// judge asks (--report_sink=…) and exits 201, like a grader whose checks failed.
#include <atomic>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

std::atomic<long> counter{0};

int main(int argc, char** argv) {
  // The grader's list of its test cases, as Boost.Test prints it: one case.
  if (argc > 1 && std::string(argv[1]) == "--list_content") {
    std::fputs("clean_case*\n", stderr);
    return 0;
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) {
    workers.emplace_back([] {
      for (int j = 0; j < 1000; ++j) counter.fetch_add(1, std::memory_order_relaxed);
    });
  }
  for (auto& w : workers) w.join();
  const std::string sink = "--report_sink=";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind(sink, 0) == 0) {
      std::ofstream(arg.substr(sink.size()))
          << "<TestResult><TestSuite name=\"clean\" result=\"failed\" test_cases_passed=\"0\""
             " test_cases_failed=\"1\" test_cases_aborted=\"0\"><TestCase name=\"clean_case\" result=\"failed\"/>"
             "</TestSuite></TestResult>";
    }
  }
  return counter == 2000 ? 201 : 0;
}
