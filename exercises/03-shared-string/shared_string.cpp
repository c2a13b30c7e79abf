// Exercise 3 — the shared global string.
//
// Editors keep replacing the headline while a display shows it. Run
// `ctest -L exercise3` and read what the three judges say, then read
// README.md in this folder.
#include "shared_string.hpp"

#include <functional>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;  // the one headline everybody shares

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    // TODO: make this assignment safe while other threads use the headline.
    headline = story;
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    // TODO: make this read safe while editors assign the headline.
    shown.push_back(headline);
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
