// Programs for the tests of libstdcxx.supp: each makes one access pattern on a
// shared_ptr happen in a fixed order between two threads, with nothing but
// the pattern itself ordering them (the threads wait for each other through
// relaxed atomics, which ThreadSanitizer does not count as synchronisation).
//
//   atomic-load-then-store   correct: std::atomic<std::shared_ptr<…>>, a load
//                            on one thread, then a store on another. libstdc++
//                            12 makes TSan report it; the suppression drops it.
//   plain-copy-then-assign   a race: a plain shared_ptr copied on one thread,
//                            then assigned on another. Must be reported.
//   pointee-written-in-place a race: the string an atomic<shared_ptr> points
//                            to is read on one thread and overwritten on
//                            another. Must be reported.
//
// Prints "done" at the end, so a test can tell a run that finished.
#include <atomic>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

namespace {

// First `first` runs, then `second`, on two threads, ordered only by a relaxed flag.
template <class First, class Second>
void one_then_other(First first, Second second) {
  std::atomic<bool> first_done{false};
  std::thread a([&] {
    first();
    first_done.store(true, std::memory_order_relaxed);
  });
  std::thread b([&] {
    while (!first_done.load(std::memory_order_relaxed)) std::this_thread::yield();
    second();
  });
  a.join();
  b.join();
}

void atomic_load_then_store() {
  std::atomic<std::shared_ptr<const std::string>> headline{std::make_shared<const std::string>("opening")};
  std::string seen;
  one_then_other([&] { seen = *headline.load(); },
                 [&] { headline.store(std::make_shared<const std::string>("next one")); });
}

void plain_copy_then_assign() {
  std::shared_ptr<const std::string> headline = std::make_shared<const std::string>("opening");
  std::string seen;
  one_then_other([&] { seen = *std::shared_ptr<const std::string>(headline); },
                 [&] { headline = std::make_shared<const std::string>("next one"); });
}

void pointee_written_in_place() {
  std::atomic<std::shared_ptr<std::string>> headline{std::make_shared<std::string>("opening")};
  // The writer uses a copy of the pointer taken before the threads start:
  // it touches no reference count, so nothing orders its write after the
  // reader's copy of the characters.
  const std::shared_ptr<std::string> kept = headline.load();
  std::string seen;
  one_then_other([&] { seen = *headline.load(); }, [&] { *kept = "overwritten, and longer than before"; });
}

}  // namespace

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  if (std::strcmp(mode, "atomic-load-then-store") == 0) {
    atomic_load_then_store();
  } else if (std::strcmp(mode, "plain-copy-then-assign") == 0) {
    plain_copy_then_assign();
  } else if (std::strcmp(mode, "pointee-written-in-place") == 0) {
    pointee_written_in_place();
  } else {
    std::fprintf(stderr, "usage: %s atomic-load-then-store|plain-copy-then-assign|pointee-written-in-place\n",
                 argv[0]);
    return 2;
  }
  std::puts("done");
  return 0;
}
