#include "commands/cli.hpp"

#include <iostream>

int main(int argc, char** argv) { return racelab::lab::run_cli(argc, argv, std::cout, std::cerr); }
