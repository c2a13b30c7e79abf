// Configure-time probe (cmake/RacelabDependencies.cmake): does this compiler,
// at the optimisation level given on its command line, keep a thread_local's
// address across a co_await that resumes the coroutine on another thread?
// Clang 16 at -O1 does (llvm-project issues 47179, 63022): the coroutine then
// uses the first thread's variable, and ThreadSanitizer reports races that
// are not in the source. Exit 0: every resumption saw its own thread's
// variable; 1: the address was cached.
#include <atomic>
#include <coroutine>
#include <cstdio>
#include <thread>

thread_local int per_thread = 0;
std::atomic<bool> done{false};
int cached = 0;

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// Resumes the coroutine on a new thread.
struct hop_to_new_thread {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> h) { std::thread([h] { h.resume(); }).detach(); }
  void await_resume() {}
};

task hop_around() {
  for (int i = 0; i < 8; ++i) {
    int *before = &per_thread;
    co_await hop_to_new_thread{};
    if (&per_thread == before) ++cached;
  }
  done = true;
}

int main() {
  hop_around();
  while (!done) std::this_thread::yield();
  std::printf("%d of 8 resumptions on another thread used the first thread's thread_local\n", cached);
  return cached == 0 ? 0 : 1;
}
