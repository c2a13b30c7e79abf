// Exercise 1 the C way: POSIX threads and a pthread mutex.
#include "counter.hpp"

#include <pthread.h>
#include <sched.h>
#include <time.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace racelab {

namespace {

struct Shared {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  long counter = 0;
  long increments = 0;
};

// C structs copied and default-built: the compiler's own member functions.
struct Gate {
  pthread_mutex_t lock;
  pthread_cond_t opened;
  timespec pause{0, 1000};
};

void breathe(const Gate &gate) {
  timespec copy = gate.pause;
  timespec again;
  again = copy;
  nanosleep(&again, nullptr);
}

void *work(void *argument) {
  auto *shared = static_cast<Shared *>(argument);
  for (long i = 0; i < shared->increments; ++i) {
    pthread_mutex_lock(&shared->mutex);
    ++shared->counter;
    fuzz();
    pthread_mutex_unlock(&shared->mutex);
    sched_yield();
  }
  return nullptr;
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  Shared shared;
  shared.increments = increments;
  Gate gate;
  pthread_mutex_init(&gate.lock, nullptr);
  pthread_cond_init(&gate.opened, nullptr);
  breathe(gate);
  std::vector<pthread_t> threads(static_cast<std::size_t>(workers));
  for (pthread_t &thread : threads) {
    if (int error = pthread_create(&thread, nullptr, work, &shared); error != 0) {
      throw std::runtime_error(std::strerror(error));
    }
  }
  for (pthread_t thread : threads) {
    pthread_join(thread, nullptr);
  }
  pthread_mutex_destroy(&shared.mutex);
  pthread_cond_destroy(&gate.opened);
  pthread_mutex_destroy(&gate.lock);
  return shared.counter;
}

}  // namespace racelab
