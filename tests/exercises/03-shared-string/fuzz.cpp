// The kit's fuzz() for exercise 3 (declared in the contract header): one step
// of the calling editor or display at the hooks (tests/util/hooks). It notes
// which thread assigned or read the headline, for the grader's check that
// editors and display ran as threads of their own, and then pauses as the
// grader's schedule says: a random pause by default, or a hold until another
// thread has run (take_turns), so that assignments and reads interleave on
// every run.
#include "schedule.hpp"
#include "shared_string.hpp"

namespace racelab {

void fuzz() { testing::hook_step(); }

}  // namespace racelab
