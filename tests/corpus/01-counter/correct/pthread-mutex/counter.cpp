// Corpus, exercise 1, correct. Style: POSIX threads, C style:
// pthread_create() with an argument struct passed by pointer, and a
// pthread_mutex_t with its static initializer.
#include "counter.hpp"

#include <pthread.h>

#include <cerrno>
#include <system_error>
#include <vector>

namespace racelab {
namespace {

long g_count = 0;
pthread_mutex_t g_count_lock = PTHREAD_MUTEX_INITIALIZER;

struct WorkerArgs {
  long increments;
};

void* worker_main(void* raw) {
  const WorkerArgs* args = static_cast<const WorkerArgs*>(raw);
  for (long i = 0; i < args->increments; ++i) {
    pthread_mutex_lock(&g_count_lock);
    long old_value = g_count;
    fuzz();
    g_count = old_value + 1;
    pthread_mutex_unlock(&g_count_lock);
    fuzz();
  }
  return nullptr;
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  g_count = 0;
  WorkerArgs args{increments};  // read-only for the workers, alive until they are joined
  std::vector<pthread_t> ids;
  int error = 0;
  for (int w = 0; w < workers && error == 0; ++w) {
    pthread_t id;
    error = pthread_create(&id, nullptr, worker_main, &args);
    if (error == 0) {
      ids.push_back(id);
    }
  }
  for (pthread_t id : ids) {
    pthread_join(id, nullptr);
  }
  if (error != 0) {
    throw std::system_error(error, std::generic_category(), "pthread_create");
  }
  return g_count;
}

}  // namespace racelab
