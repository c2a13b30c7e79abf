#include "judge/seeded_runs.hpp"

#include "core/judge.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// This racelab, as a student can run it again.
std::string racelab_program() {
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("racelab") : self.string();
}

}  // namespace

SeedPlan seed_plan(const JudgeOptions& o) {
  if (o.seed) return {{*o.seed}, true};
  SeedPlan plan;
  for (int i = 1; i <= std::max(1, o.runs); ++i) plan.seeds.push_back(static_cast<std::uint64_t>(i));
  return plan;
}

int default_runs(Judge judge) {
  switch (judge) {
    case Judge::functional: return 5;
    case Judge::tsan: return 3;
    default: return 1;
  }
}

void RunBudget::ran(std::chrono::milliseconds took) {
  ++runs_;
  spent_ += took;
  longest_ = std::max(longest_, took);
}

std::chrono::milliseconds run_budget(const JudgeOptions& o) {
  return std::chrono::milliseconds(static_cast<long long>(std::llround(o.timeout_seconds * 1000)));
}

void give_seed(RunRequest& request, std::uint64_t seed) {
  request.set_env[seed_variable] = std::to_string(seed);
  request.unset_env.emplace_back("RACELAB_SCHEDULE");
}

std::string replay_command(const JudgeOptions& o, std::uint64_t seed) {
  std::vector<std::string> words{racelab_program(), "judge", judge_id(o.judge), "--exercise", std::to_string(o.exercise)};
  const auto add = [&words](const std::string& option, const fs::path& value) {
    if (!value.empty()) words.insert(words.end(), {option, value.string()});
  };
  add("--readme", o.readme);
  add("--sources", o.sources);
  add("--course", o.course);
  std::ostringstream timeout;
  timeout << o.timeout_seconds;  // 120, 2.5
  words.insert(words.end(), {"--timeout", timeout.str()});
  if (o.sleep_allowed) words.emplace_back("--allow-sleep");
  words.insert(words.end(), {"--seed", std::to_string(seed), "--"});
  words.insert(words.end(), o.command.begin(), o.command.end());
  return shell_line(words);
}

std::string failing_run_note(const JudgeOptions& o, std::uint64_t seed, int run, const SeedPlan& plan) {
  if (plan.seeds.size() == 1 && !plan.replay) return "";  // asked for one run: nothing was repeated
  std::string note = plan.replay ? "This was the run with seed " + std::to_string(seed)
                                 : "This was run " + std::to_string(run) + " of up to " +
                                       std::to_string(plan.seeds.size()) + " (seed " + std::to_string(seed) + ")";
  return note + "; replay it alone with:\n  " + replay_command(o, seed) + "\n";
}

std::string passing_runs_note(const SeedPlan& plan, int runs) {
  if (plan.replay) return "note: one run, with seed " + std::to_string(plan.seeds.front()) + "\n";
  if (runs <= 1) return "";
  return "note: all " + std::to_string(runs) + " runs passed (seeds " + std::to_string(plan.seeds.front()) + " to " +
         std::to_string(plan.seeds[static_cast<std::size_t>(runs) - 1]) + ")\n";
}

}  // namespace racelab::lab
