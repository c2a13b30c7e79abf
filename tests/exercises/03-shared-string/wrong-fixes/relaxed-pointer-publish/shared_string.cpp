// A wrong fix for exercise 3: never change a headline, replace it — with an
// atomic pointer, as the hint says, but with relaxed loads and stores. The
// pointer itself is read and written atomically; the characters of the new
// string, written by the editor before it publishes the pointer, are not
// ordered before the display's copy of them: a relaxed store publishes the
// address, not what is at it. Use release/acquire (or the defaults).
#include "shared_string.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<const std::string*> headline{nullptr};

// Every headline ever published, freed once every thread is joined.
using Published = std::vector<std::unique_ptr<const std::string>>;

void editor(const std::vector<std::string>& stories, Published& published) {
  for (const std::string& story : stories) {
    fuzz();
    published.push_back(std::make_unique<const std::string>(story));
    headline.store(published.back().get(), std::memory_order_relaxed);
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    shown.push_back(*headline.load(std::memory_order_relaxed));
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  std::vector<Published> published(editors.size() + 1);
  published.back().push_back(std::make_unique<const std::string>(opening));
  headline.store(published.back().back().get());
  Sightings sightings;
  std::vector<std::thread> threads;
  for (std::size_t e = 0; e < editors.size(); ++e) {
    threads.emplace_back(editor, std::cref(editors[e]), std::ref(published[e]));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = *headline.load();
  return sightings;
}

}  // namespace racelab
