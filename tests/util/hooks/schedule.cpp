// The schedules behind the kit's hooks (see schedule.hpp).
#include "schedule.hpp"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

#include "hold.hpp"
#include "random_pause.hpp"
#include "work_log.hpp"

namespace racelab::testing {

namespace {

using std::chrono::microseconds;

// A hold that the census cannot end (a thread spinning on an atomic, no
// /proc) ends after this.
constexpr microseconds hold_limit = std::chrono::milliseconds(20);

struct RunSettings {
  std::uint64_t seed = 0;
  bool seed_given = false;
  Schedule schedule = Schedule::random_pauses;
};

RunSettings read_settings() {
  RunSettings settings;
  if (const char* text = std::getenv("RACELAB_SEED"); text != nullptr && *text != '\0') {
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno == 0 && end != nullptr && *end == '\0') {
      settings.seed = value;
      settings.seed_given = true;
    }
  }
  if (!settings.seed_given) {
    std::random_device device;
    settings.seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }
  if (const char* text = std::getenv("RACELAB_SCHEDULE"); text != nullptr && std::strcmp(text, "turns") == 0) {
    settings.schedule = Schedule::take_turns;
  }
  return settings;
}

const RunSettings& settings() {
  static const RunSettings run = read_settings();
  return run;
}

// What the hooks do now. Written by the grader's thread, read by every
// thread that reaches a hook: relaxed atomics, like everything the hooks
// share, so that they order nothing between the student's threads.
std::atomic<Schedule> forced{Schedule::random_pauses};
std::atomic<bool> is_forced{false};
std::atomic<long> holds_left{0};
std::atomic<long> holds_made{0};
std::atomic<long> holds_released{0};
std::atomic<long> held_us{0};
std::atomic<long> held_us_budget{0};
std::atomic<long> arrivals{0};

Schedule current_schedule() {
  return is_forced.load(std::memory_order_relaxed) ? forced.load(std::memory_order_relaxed) : default_schedule();
}

void set_bounds(long holds, microseconds budget) {
  holds_left.store(holds, std::memory_order_relaxed);
  held_us_budget.store(static_cast<long>(budget.count()), std::memory_order_relaxed);
  held_us.store(0, std::memory_order_relaxed);
  holds_made.store(0, std::memory_order_relaxed);
  holds_released.store(0, std::memory_order_relaxed);
}

// RACELAB_SCHEDULE=turns makes every hook of the run take turns, within a
// bound on the whole run's holding time.
void ensure_default_bounds() {
  static const bool done = [] {
    if (default_schedule() == Schedule::take_turns) {
      set_bounds(std::numeric_limits<long>::max(), std::chrono::seconds(20));
    }
    return true;
  }();
  (void)done;
}

void take_turn() {
  const long mine = arrivals.fetch_add(1, std::memory_order_relaxed) + 1;
  wake_held_threads();  // this arrival lets every held thread go
  const bool within_bounds = holds_left.fetch_sub(1, std::memory_order_relaxed) > 0 &&
                             held_us.load(std::memory_order_relaxed) < held_us_budget.load(std::memory_order_relaxed);
  if (!within_bounds) {
    random_pause(seed());
    return;
  }
  holds_made.fetch_add(1, std::memory_order_relaxed);
  const auto start = std::chrono::steady_clock::now();
  const HoldEnd end =
      hold_until([mine] { return arrivals.load(std::memory_order_relaxed) > mine; }, hold_limit);
  if (end == HoldEnd::released) holds_released.fetch_add(1, std::memory_order_relaxed);
  const auto spent = std::chrono::duration_cast<microseconds>(std::chrono::steady_clock::now() - start);
  held_us.fetch_add(static_cast<long>(spent.count()), std::memory_order_relaxed);
}

}  // namespace

std::uint64_t seed() { return settings().seed; }

bool seed_was_given() { return settings().seed_given; }

Schedule default_schedule() { return settings().schedule; }

void hook_step() {
  note_step();
  switch (current_schedule()) {
    case Schedule::no_pauses:
      return;
    case Schedule::random_pauses:
      random_pause(seed());
      return;
    case Schedule::take_turns:
      ensure_default_bounds();
      take_turn();
      return;
  }
}

ForcedSchedule::ForcedSchedule(Schedule schedule, long holds, std::chrono::milliseconds time_budget) {
  set_bounds(holds, time_budget);
  forced.store(schedule, std::memory_order_relaxed);
  is_forced.store(true, std::memory_order_relaxed);
}

ForcedSchedule::~ForcedSchedule() {
  is_forced.store(false, std::memory_order_relaxed);
  if (default_schedule() == Schedule::take_turns) {
    set_bounds(std::numeric_limits<long>::max(), std::chrono::seconds(20));
  }
}

long ForcedSchedule::holds() const { return holds_made.load(std::memory_order_relaxed); }

long ForcedSchedule::holds_released_by_another_thread() const {
  return holds_released.load(std::memory_order_relaxed);
}

}  // namespace racelab::testing
