// Corpus, exercise 3, wrong. Style: C++20
// std::atomic<std::shared_ptr<const std::string>> for the headline.
// Bug: the editors also keep the newest headline in a plain
// std::shared_ptr, `latest`, "for quick reads", and the display reads that
// one: copying a shared_ptr while another thread assigns it is a data race on
// the shared_ptr object itself (the atomic beside it protects nothing else).
#include "shared_string.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<std::shared_ptr<const std::string>> headline;
std::shared_ptr<const std::string> latest;

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    auto fresh = std::make_shared<const std::string>(story);
    headline.store(fresh);
    latest = fresh;
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    const std::shared_ptr<const std::string> current = latest;
    shown.push_back(*current);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  latest = std::make_shared<const std::string>(opening);
  headline.store(latest);
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
