#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image.
# The autograder zip is a student repository made by `racelab assign` with
# this file and run_autograder added at its top (see lab/README.md); Gradescope
# unpacks it into /autograder/source. Its graders stay pristine there: a
# submission only ever contributes the files students edit.
#
# The image: in the autograder's settings choose the base image "Ubuntu
# 24.04" (ci/setup installs clang 18 and Boost 1.83 there); a manual Docker
# image derived from gradescope/autograder-base on Ubuntu 24.04 works the same.
# Ubuntu 22.04 does not: its Boost 1.74 has no C++20 Asio awaitables, and
# ci/setup stops there with a message naming the distributions it knows.
set -euo pipefail

root=${RACELAB_AUTOGRADER_ROOT:-/autograder}
kit=$root/source

"$kit/ci/setup"
# The tools are built once here, not for every submission. RACELAB_TOOLS_DIR
# names tools built already (the kit's own test of this script).
if [[ -z ${RACELAB_TOOLS_DIR:-} ]]; then
  cmake -S "$kit" --preset default -B "$kit/build/tools"
  cmake --build "$kit/build/tools" --target racelab racelab-check -j2
fi
echo "racelab autograder: ready"
