// The kit's own solution, reached through the include path.
#include "../../../../../solutions/01-counter/mutex/counter.cpp"
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#include "../../../../../solutions/01-counter/mutex/counter.cpp"' reads a file outside your folder [racelab-policy-include]
