#include <semaphore.h>
#include <thread>
#include <unistd.h>
struct Shape {
  Shape() { sem_init(&done, 0, 0); }
  virtual void draw() {}
  void finish() { sem_post(&done); }
  virtual ~Shape() { sem_wait(&done); sem_destroy(&done); }
  sem_t done;
};
struct Circle : Shape { void draw() override {} ~Circle() override {} };
Shape* shape = new Circle;
int main() {
  std::thread painter([] { shape->draw(); shape->finish(); });
  std::thread remover([] { usleep(100000); delete shape; });
  painter.join();
  remover.join();
  return 0;
}
