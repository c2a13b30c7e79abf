// Linked with one racelab library whole (every object of it) and only the
// libraries it declares: it links only if that library calls nothing above it.
int main() { return 0; }
