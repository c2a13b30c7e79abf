// Hostile submission: the kit's own solution, reached from the student's
// folder by a relative include instead of written.
#include "../../../solutions/01-counter/mutex/counter.cpp"
