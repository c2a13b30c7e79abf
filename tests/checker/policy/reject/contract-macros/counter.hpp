// The contract, edited: the grader includes it after Boost.Test, so these
// macros would turn the grader's checks into nothing. Its guard is named like
// a Boost.Test macro, so it is no include guard the policy accepts either.
#ifndef BOOST_TEST_TOOLS_HPP_SHADOW
#define BOOST_TEST_TOOLS_HPP_SHADOW
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: '#define BOOST_TEST_TOOLS_HPP_SHADOW' is not allowed in the contract header or a file it includes [racelab-policy-preprocessor]

#include "detail/quiet.hpp"

#undef BOOST_TEST
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: '#undef BOOST_TEST' is not allowed in the contract header or a file it includes: the grader includes them too [racelab-policy-preprocessor]
#define BOOST_TEST(...) ((void)0)
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: '#define BOOST_TEST' is not allowed in the contract header [racelab-policy-preprocessor]

namespace racelab {

long count_in_parallel(int workers, long increments);

void fuzz();

}  // namespace racelab

#endif
