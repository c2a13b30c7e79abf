// A wrong fix for exercise 3: `thread_local` silences ThreadSanitizer and the
// checker, because nothing is shared any more — each thread has a headline of
// its own. The editors assign theirs, the display reads its own (never
// assigned, so empty), and run_newsroom() returns the caller's, still the
// opening. "Use thread-local variables" is advice for data a thread does not
// need to share; a headline exists to be shared.
#include "shared_string.hpp"

#include <functional>
#include <thread>
#include <vector>

namespace racelab {

thread_local std::string headline;

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    headline = story;
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
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
