// A wrong fix for exercise 3: every access goes through functions that lock
// the mutex — but the getter returns a reference to the shared headline. The
// lock is released when current_headline() returns; the copy is made after,
// by push_back(), with no lock held, while an editor may be assigning.
#include "shared_string.hpp"

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::mutex headline_mutex;

void set_headline(const std::string& story) {
  std::lock_guard<std::mutex> lock(headline_mutex);
  headline = story;
}

const std::string& current_headline() {
  std::lock_guard<std::mutex> lock(headline_mutex);
  return headline;
}

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    set_headline(story);
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    shown.push_back(current_headline());
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  set_headline(opening);
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = current_headline();
  return sightings;
}

}  // namespace racelab
