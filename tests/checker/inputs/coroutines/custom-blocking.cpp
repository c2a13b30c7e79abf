// racelab-blocking-in-coroutine with --blocking-functions: net::fetch and
// Db::query block (they are declared here, defined elsewhere), but only the
// command line can say so. Without the option this file is clean.
#include <coroutine>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

namespace net {
int fetch(int id);
} // namespace net

struct Db {
  int query(int id);
};

int lookup(Db &db, int id) { return db.query(id); }

task handle(Db &db, int id) {
  int a = net::fetch(id); // line 27: blocks (with the option)
  int b = lookup(db, id); // line 28: blocks through lookup (with the option)
  (void)a;
  (void)b;
  co_return;
}
