// Corpus, exercise 3, correct. Style: POSIX threads and a pthread_rwlock_t:
// editors take the write lock, the display the read lock; each thread gets a
// job struct by pointer.
#include "shared_string.hpp"

#include <pthread.h>

#include <cstddef>
#include <vector>

namespace racelab {
namespace {

std::string headline;
pthread_rwlock_t headline_lock = PTHREAD_RWLOCK_INITIALIZER;

struct EditorJob {
  const std::vector<std::string>* stories;
};

struct DisplayJob {
  int reads;
  std::vector<std::string>* shown;
};

void* editor_main(void* raw) {
  const EditorJob* job = static_cast<const EditorJob*>(raw);
  for (const std::string& story : *job->stories) {
    fuzz();
    pthread_rwlock_wrlock(&headline_lock);
    headline = story;
    pthread_rwlock_unlock(&headline_lock);
    fuzz();
  }
  return nullptr;
}

void* display_main(void* raw) {
  const DisplayJob* job = static_cast<const DisplayJob*>(raw);
  for (int i = 0; i < job->reads; ++i) {
    fuzz();
    pthread_rwlock_rdlock(&headline_lock);
    job->shown->push_back(headline);
    pthread_rwlock_unlock(&headline_lock);
    fuzz();
  }
  return nullptr;
}

}  // namespace

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  Sightings sightings;
  std::vector<EditorJob> editor_jobs;
  editor_jobs.reserve(editors.size());  // the jobs never move once a thread has their address
  for (const std::vector<std::string>& stories : editors) {
    editor_jobs.push_back(EditorJob{&stories});
  }
  DisplayJob display_job{reads, &sightings.shown};

  std::vector<pthread_t> threads;
  for (EditorJob& job : editor_jobs) {
    pthread_t thread;
    if (pthread_create(&thread, nullptr, editor_main, &job) == 0) {
      threads.push_back(thread);
    }
  }
  pthread_t display_thread;
  if (pthread_create(&display_thread, nullptr, display_main, &display_job) == 0) {
    threads.push_back(display_thread);
  }
  for (pthread_t thread : threads) {
    pthread_join(thread, nullptr);
  }
  sightings.final_headline = headline;
  return sightings;
}

}  // namespace racelab
