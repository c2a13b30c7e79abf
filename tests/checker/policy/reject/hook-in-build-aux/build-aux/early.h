// Runs before main(): could rewrite the grader's command line.
#pragma once

__attribute__((constructor)) static void before_the_tests() {}
// CHECK-MESSAGES: :[[@LINE-1]]:16: error: the attribute 'constructor' is not allowed in graded code: it makes the function [racelab-policy-attribute]
