// Corpus, exercise 3, correct. Style: publication by hand: an editor builds a
// new string, then publishes its address with a release store into a
// std::atomic<const std::string*>; the display loads it with acquire and
// copies the string, which nobody modifies once published. Every string is
// kept alive until run_newsroom() has joined everybody (one list per editor).
#include "shared_string.hpp"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

using Kept = std::vector<std::unique_ptr<const std::string>>;

std::atomic<const std::string*> headline{nullptr};

void editor(const std::vector<std::string>& stories, Kept& kept) {
  for (const std::string& story : stories) {
    fuzz();
    auto fresh = std::make_unique<const std::string>(story);
    headline.store(fresh.get(), std::memory_order_release);
    kept.push_back(std::move(fresh));  // the string itself does not move
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    const std::string* current = headline.load(std::memory_order_acquire);
    shown.push_back(*current);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  const auto first = std::make_unique<const std::string>(opening);
  headline.store(first.get(), std::memory_order_release);
  std::vector<Kept> kept(editors.size());  // one per editor, sized before any thread starts
  Sightings sightings;
  std::vector<std::thread> threads;
  for (std::size_t e = 0; e < editors.size(); ++e) {
    threads.emplace_back(editor, std::cref(editors[e]), std::ref(kept[e]));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = *headline.load(std::memory_order_acquire);
  headline.store(nullptr, std::memory_order_relaxed);  // the strings go away with `kept` and `first`
  return sightings;
}

}  // namespace racelab
