#include "racelab/lab/judge.hpp"

#include <ostream>

namespace racelab::lab {

// Placeholder until the perf harness lands.
int run_perf_judge(const JudgeOptions& options, std::ostream& out) {
  out << "exercise " << options.exercise << " — perf judge: could not run\nnot available yet\n";
  return judge_error;
}

}  // namespace racelab::lab
