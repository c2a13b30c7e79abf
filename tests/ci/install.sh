#!/usr/bin/env bash
# `cmake --install` and `cpack`, as a course would use them: the tools are
# installed into a scratch prefix and must work from there (racelab-check finds
# its builtin headers and flags a racy file); the documentation of every check
# the tool lists, and a man page per tool (or, without help2man, the --help
# text), must be installed; the .deb must hold the same files and name the
# libraries and headers the checker needs.
#
# Usage: tests/ci/install.sh <kit source dir> <build dir>
set -euo pipefail

kit=$(cd "$1" && pwd) build=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

echo "== cmake --install into a scratch prefix"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install failed"; exit 1; }

for tool in racelab racelab-check; do
  [[ -x $prefix/bin/$tool ]] || fail "bin/$tool should be installed, executable"
  "$prefix/bin/$tool" --help >/dev/null 2>&1 || fail "the installed $tool --help should exit 0"
done

# The checker, run from where it is installed, on exercise 1's racy starter.
input=$kit/tests/checker/inputs/counter
status=0
"$prefix/bin/racelab-check" "$input/starter/counter.cpp" -- -std=c++20 "-I$input" >"$work/check.out" 2>&1 || status=$?
[[ $status == 1 ]] || { cat "$work/check.out"; fail "the installed racelab-check should find the race (exit 1, got $status)"; }
grep -q 'warning: .*\[racelab-missing-lock\]' "$work/check.out" ||
  fail "the installed racelab-check should report racelab-missing-lock on the starter"

docs=$prefix/share/doc/racelab
[[ -s $docs/racelab-check.md ]] || fail "share/doc/racelab/racelab-check.md (the checker's README) should be installed"
checks=$("$prefix/bin/racelab-check" --list-checks | sed -nE 's/^[[:space:]]+racelab-([a-z-]+)$/\1/p')
[[ -n $checks ]] || fail "racelab-check --list-checks should list the checks"
for check in $checks; do
  [[ -s $docs/checks/$check.md ]] || fail "the page of racelab-$check should be installed as share/doc/racelab/checks/$check.md"
done

if command -v help2man >/dev/null; then
  for tool in racelab racelab-check; do
    page=$prefix/share/man/man1/$tool.1
    if [[ ! -s $page ]]; then
      fail "share/man/man1/$tool.1 should be installed (help2man is here)"
    else
      grep -q "^\.TH \"\\?${tool^^}" "$page" || fail "$tool.1 should be a man page for $tool"
      grep -q 'help' "$page" || fail "$tool.1 should hold the --help text"
    fi
  done
  pages=(usr/share/man/man1/racelab.1 usr/share/man/man1/racelab-check.1)
else
  for tool in racelab racelab-check; do
    [[ -s $docs/$tool.help.txt ]] || fail "without help2man, share/doc/racelab/$tool.help.txt should be installed"
  done
  pages=(usr/share/doc/racelab/racelab.help.txt usr/share/doc/racelab/racelab-check.help.txt)
fi

echo "== cpack: the .deb"
if ! command -v dpkg-deb >/dev/null; then
  fail "dpkg-deb is missing: cannot check the package"
elif ! (cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/package") >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  fail "cpack failed"
else
  deb=$(find "$work/package" -maxdepth 1 -name 'racelab_*.deb' | head -1)
  if [[ -z $deb ]]; then
    fail "cpack should write racelab_<version>_<arch>.deb"
  else
    basename "$deb"
    dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./||' >"$work/contents"
    for file in usr/bin/racelab usr/bin/racelab-check usr/share/doc/racelab/racelab-check.md \
                usr/share/doc/racelab/checks/missing-lock.md "${pages[@]}"; do
      grep -qx "$file" "$work/contents" || fail "the .deb should hold $file"
    done
    depends=$(dpkg-deb --field "$deb" Depends)
    echo "Depends: $depends"
    [[ $depends == *libclang-cpp* ]] || fail "the .deb should depend on libclang-cpp (its shared library)"
    [[ $depends == *libclang-common-*-dev* ]] || fail "the .deb should depend on libclang-common (the builtin headers)"
  fi
fi

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
echo "installed and packaged as expected"
