#pragma once
#pragma clang system_header
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#pragma clang system_header' is not allowed in graded code: it makes your code [racelab-policy-preprocessor]

namespace racelab {

inline long shared_counter = 0;

inline void add_one() { ++shared_counter; }

}  // namespace racelab
