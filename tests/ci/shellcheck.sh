#!/usr/bin/env bash
# Runs shellcheck on every shell script of the kit: the files whose first line is a
# sh/bash shebang, and every *.sh, wherever they are (no hand-kept list, so a
# new script is checked the day it is added). A finding that is wrong is
# silenced in the script itself, with a `# shellcheck disable=SCnnnn  # why`.
#
# Usage: tests/ci/shellcheck.sh <kit source dir>
# Exit 0 clean, 1 findings, 77 (skipped) when shellcheck is not installed.
set -euo pipefail

kit=$(cd "$1" && pwd)
command -v shellcheck >/dev/null || { echo "shellcheck is not installed (ci/setup installs it): skipped"; exit 77; }

# The kit's files: those git tracks in a clone, else every file outside build/.
kit_files() {
  if git -C "$kit" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$kit" ls-files -z --cached --others --exclude-standard
  else
    (cd "$kit" && find . -path ./build -prune -o -path ./.git -prune -o -type f -print0 | sed -z 's|^\./||')
  fi
}

is_shell_script() {  # is_shell_script <path>
  [[ $1 == *.sh ]] && return 0
  local first=""
  IFS= read -r first <"$1" 2>/dev/null || true
  [[ $first =~ ^\#!.*(/|env[[:space:]]+)(ba|da|k)?sh([[:space:]]|$) ]]
}

scripts=()
while IFS= read -r -d '' path; do
  [[ -f $kit/$path ]] && is_shell_script "$kit/$path" && scripts+=("$path")
done < <(kit_files)

# The search must find the scripts it is known to cover, or it checks nothing.
for known in ci/setup .ci/run lab/racelab; do
  [[ " ${scripts[*]} " == *" $known "* ]] || { echo "FAIL: the search for scripts missed $known"; exit 1; }
done

failed=0
for script in "${scripts[@]}"; do
  if (cd "$kit" && shellcheck --external-sources "$script"); then
    echo "clean: $script"
  else
    echo "FAIL: $script"
    failed=$((failed + 1))
  fi
done
echo "${#scripts[@]} scripts, $failed with findings"
((failed == 0))
