//===- RacelabCheckMain.cpp - racelab-check's entry point -----------------===//
// Everything the tool does lives in the racelab_checker library.
#include "lib/Tool.h"

int main(int argc, const char **argv) { return racelab::runRacelabCheck(argc, argv); }
