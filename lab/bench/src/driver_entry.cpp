// main() of every perf driver: the reference one and each exercise's
// exerciseN_perf. Kept apart from driver.cpp so a test can link the driver
// library's functions without a second main().

#include "racelab/bench/driver.hpp"

int main(int argc, char** argv) { return racelab::bench::driver_main(argc, argv); }
