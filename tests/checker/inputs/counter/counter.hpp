// The contract of the counter inputs (a stand-in for exercise 1's header).
#pragma once
namespace racelab {
void fuzz();
long count_with_threads(int threads, int increments);
} // namespace racelab
