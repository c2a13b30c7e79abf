// Exercise 3 — the shared global string. Reference solution: a mutex.
#include "shared_string.hpp"

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;  // the one headline everybody shares
std::mutex headline_mutex;
// One mutex for the one headline: every assignment and every read of it
// locks this same object, so they happen one at a time, each one whole.

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    {
      std::lock_guard<std::mutex> lock(headline_mutex);
      headline = story;
    }
    // The assignment copies characters one by one and updates the length:
    // under the lock, nobody can look at the headline halfway through.
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    std::string current;
    {
      std::lock_guard<std::mutex> lock(headline_mutex);
      current = headline;
    }
    // The copy is made while the lock is held; after the unlock the display
    // works on its own copy, which no editor can change.
    shown.push_back(current);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  // No lock needed here: no editor or display exists yet.
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
  // join() makes every editor's assignments visible to this thread: reading
  // without the lock is safe once all of them are joined.
  return sightings;
}

}  // namespace racelab
