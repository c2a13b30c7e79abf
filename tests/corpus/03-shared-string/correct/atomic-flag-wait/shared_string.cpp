// Corpus, exercise 3, correct. Style: a spinlock on std::atomic_flag that
// sleeps instead of spinning: C++20 atomic wait()/notify_one(); acquire on
// lock, release on unlock.
#include "shared_string.hpp"

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace racelab {
namespace {

std::atomic_flag headline_busy;  // clear (C++20): unlocked
std::string headline;

void lock_headline() {
  while (headline_busy.test_and_set(std::memory_order_acquire)) {
    headline_busy.wait(true, std::memory_order_relaxed);
  }
}

void unlock_headline() {
  headline_busy.clear(std::memory_order_release);
  headline_busy.notify_one();
}

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    lock_headline();
    headline = story;
    unlock_headline();
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    lock_headline();
    shown.push_back(headline);
    unlock_headline();
    fuzz();
  }
}

}  // namespace

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = headline;
  return sightings;
}

}  // namespace racelab
