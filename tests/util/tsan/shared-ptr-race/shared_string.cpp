// Exercise 3 with std::atomic<std::shared_ptr<const std::string>> used right,
// and a real race beside it: every editor also keeps the latest headline in a
// plain std::shared_ptr, which the display copies with no lock. The copy and
// the assignment race on that shared_ptr object; the suppressions, which drop
// only libstdc++'s own _Sp_atomic frames, must leave this report alone.
#include "shared_string.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<std::shared_ptr<const std::string>> headline;
std::shared_ptr<const std::string> latest;  // written and read by several threads, unguarded

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    auto next = std::make_shared<const std::string>(story);
    headline.store(next);
    latest = next;  // the race: a plain shared_ptr assigned while the display copies it
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    const std::shared_ptr<const std::string> seen = latest;  // unguarded copy
    const std::shared_ptr<const std::string> current = headline.load();
    shown.push_back(*current);
    fuzz();
    (void)seen;
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline.store(std::make_shared<const std::string>(opening));
  latest = headline.load();
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = *headline.load();
  return sightings;
}

}  // namespace racelab
