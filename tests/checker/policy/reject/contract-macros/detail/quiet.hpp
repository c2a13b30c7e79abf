// Included by the edited contract, so included by the grader too.
#pragma once

#define BOOST_REQUIRE_EQUAL(a, b) ((void)0)
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: '#define BOOST_REQUIRE_EQUAL' is not allowed in the contract header or a file it includes [racelab-policy-preprocessor]
#define private public
// CHECK-MESSAGES: :[[@LINE-1]]:9: error: '#define private' is not allowed in the contract header or a file it includes [racelab-policy-preprocessor]
