// The kit's fuzz() for exercise 1 (declared in the contract header): one step
// of the calling worker at the hooks (tests/util/hooks). It notes which
// thread made an increment, for the grader's check that workers did the
// counting, and then pauses as the grader's schedule says: a random pause by
// default, or a hold until another worker has run (take_turns), which splits
// every read from its write-back whenever another worker can get in between.
#include "counter.hpp"
#include "schedule.hpp"

namespace racelab {

void fuzz() { testing::hook_step(); }

}  // namespace racelab
