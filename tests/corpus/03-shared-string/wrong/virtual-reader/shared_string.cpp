// Corpus, exercise 3, wrong. Style: the display reads through an interface
// (a virtual read()), chosen by a factory; the editors lock a mutex.
// Bug: the reader the factory returns skips the lock: its copy of the
// headline, reached through the virtual call, races with the assignments.
#include "shared_string.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::mutex headline_mutex;

struct Reader {
  virtual ~Reader() = default;
  virtual std::string read() const = 0;
};

struct LockingReader : Reader {
  std::string read() const override {
    std::lock_guard<std::mutex> lock(headline_mutex);
    return headline;
  }
};

struct PeekingReader : Reader {
  std::string read() const override { return headline; }
};

std::unique_ptr<Reader> make_reader(bool cheap) {
  if (cheap) {
    return std::make_unique<PeekingReader>();
  }
  return std::make_unique<LockingReader>();
}

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    {
      std::lock_guard<std::mutex> lock(headline_mutex);
      headline = story;
    }
    fuzz();
  }
}

void display(const Reader& reader, int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    shown.push_back(reader.read());
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  const std::unique_ptr<Reader> reader = make_reader(true);
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, std::cref(*reader), reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = headline;
  return sightings;
}

}  // namespace racelab
