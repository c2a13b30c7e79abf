// Corpus, exercise 3, wrong. Style: manual lock()/unlock() on a std::mutex.
// Bug: the display takes a reference to the headline under the lock, unlocks
// "to keep the critical section short", and only then copies it: the copy
// races with the editors' assignments.
#include "shared_string.hpp"

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::mutex headline_mutex;

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    headline_mutex.lock();
    headline = story;
    headline_mutex.unlock();
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    headline_mutex.lock();
    const std::string& current = headline;
    headline_mutex.unlock();
    shown.push_back(current);
    fuzz();
  }
}

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
