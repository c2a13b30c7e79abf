// Corpus, exercise 5, correct. Style: POSIX threads: the spinner's state in a
// struct passed by pointer; a pthread_mutex_t, and a pthread_cond_t on the
// monotonic clock, waited on with a deadline one tick ahead.
#include "spinner.hpp"

#include <pthread.h>
#include <time.h>

#include <cerrno>
#include <system_error>

namespace racelab {
namespace {

struct SpinnerState {
  pthread_mutex_t mutex;
  pthread_cond_t wake;
  bool stop = false;  // under `mutex`
  long frames = 0;    // the spinner's alone until it is joined
};

timespec one_tick_from_now() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  t.tv_nsec += static_cast<long>(std::chrono::nanoseconds(spinner_tick).count());
  if (t.tv_nsec >= 1'000'000'000L) {
    t.tv_nsec -= 1'000'000'000L;
    ++t.tv_sec;
  }
  return t;
}

void* spin(void* raw) {
  auto* state = static_cast<SpinnerState*>(raw);
  pthread_mutex_lock(&state->mutex);
  while (!state->stop) {
    pthread_mutex_unlock(&state->mutex);
    draw_frame(state->frames);
    ++state->frames;
    pthread_mutex_lock(&state->mutex);
    const timespec deadline = one_tick_from_now();
    while (!state->stop) {
      if (pthread_cond_timedwait(&state->wake, &state->mutex, &deadline) == ETIMEDOUT) {
        break;
      }
    }
  }
  pthread_mutex_unlock(&state->mutex);
  return nullptr;
}

}  // namespace

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  SpinnerState state;
  pthread_mutex_init(&state.mutex, nullptr);
  pthread_condattr_t attributes;
  pthread_condattr_init(&attributes);
  pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
  pthread_cond_init(&state.wake, &attributes);
  pthread_condattr_destroy(&attributes);

  pthread_t spinner;
  if (const int error = pthread_create(&spinner, nullptr, spin, &state); error != 0) {
    throw std::system_error(error, std::generic_category(), "pthread_create");
  }
  const long answer = work();
  pthread_mutex_lock(&state.mutex);
  state.stop = true;
  pthread_cond_signal(&state.wake);
  pthread_mutex_unlock(&state.mutex);
  pthread_join(spinner, nullptr);

  pthread_cond_destroy(&state.wake);
  pthread_mutex_destroy(&state.mutex);
  return {answer, state.frames};
}

}  // namespace racelab
