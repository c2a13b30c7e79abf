// A Boost.Test whose checks check nothing, where the grader would find it.
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: 'boost/test/unit_test.hpp' in your folder has the name of a system header [racelab-policy-include]
#define BOOST_TEST(condition) ((void)0)
