// Built with -fsanitize=thread: Hettinger's unsynchronised counter, so the
// tsan judge must fail and name racelab::counter.
#include <cstdio>
#include <string_view>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

void worker(long rounds) {
  for (long i = 0; i < rounds; ++i) {
    long old_value = counter;
    counter = old_value + 1;
  }
}

}  // namespace racelab

int main(int argc, char** argv) {
  // The grader's list of its test cases, as Boost.Test prints it: one case.
  if (argc > 1 && std::string_view(argv[1]) == "--list_content") {
    std::fputs("only_case*\n", stderr);
    return 0;
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) workers.emplace_back(racelab::worker, 20000);
  for (auto& w : workers) w.join();
  return 0;
}
