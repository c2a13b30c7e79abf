#!/usr/bin/env bash
# ci/setup's choice of packages on each distribution it knows, read from an
# os-release file as on the machine (RACELAB_OS_RELEASE), without installing:
# the LLVM, Boost and GCC releases each distribution has; every package named
# for this machine's own distribution exists in its apt sources; a
# distribution it does not know stops it with a message that names the ones it
# does; and once everything is installed a second run changes nothing.
#
# Usage: tests/ci/setup.sh <kit source dir>
set -euo pipefail

kit=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

packages_for() {  # packages_for <ID> <VERSION_ID>
  printf 'ID=%s\nVERSION_ID="%s"\n' "$1" "$2" >"$work/os-release"
  RACELAB_OS_RELEASE=$work/os-release "$kit/ci/setup" --print
}

# distribution, LLVM, Boost, GCC
for row in "debian 12 16 1.81 12" "debian 13 19 1.83 14" "ubuntu 24.04 18 1.83 13"; do
  read -r id version llvm boost gcc <<<"$row"
  echo "== $id $version"
  if ! list=$(packages_for "$id" "$version"); then
    fail "ci/setup --print should know $id $version"
    continue
  fi
  for package in "clang-$llvm" "libclang-cpp$llvm-dev" "libclang-rt-$llvm-dev" "llvm-$llvm-dev" \
                 "libboost$boost-dev" "libboost-test$boost-dev" "libboost-json$boost-dev" "g++-$gcc" cmake ninja-build; do
    grep -qx -- "$package" <<<"$list" || fail "$id $version: ci/setup should install $package"
  done
  others=$(grep -E '^(clang|llvm|libclang)' <<<"$list" | grep -v -- "-$llvm\b\|cpp$llvm-dev" || true)
  [[ -z $others ]] || fail "$id $version: packages of another LLVM release: $others"
done

echo "== this machine's distribution: every package exists"
if list=$("$kit/ci/setup" --print 2>"$work/err"); then
  while IFS= read -r package; do
    [[ $package == npm:* ]] && continue
    apt-cache policy "$package" 2>/dev/null | grep -qE '^ *Candidate: [^(]' ||
      dpkg-query -W "$package" >/dev/null 2>&1 ||
      fail "no package $package in this machine's apt sources"
  done <<<"$list"
else
  echo "(ci/setup does not know this machine's distribution: $(cat "$work/err"))"
fi

echo "== a distribution ci/setup does not know"
status=0
packages_for ubuntu 22.04 >"$work/out" 2>&1 || status=$?
[[ $status == 2 ]] || fail "on Ubuntu 22.04 ci/setup should exit 2 (got $status)"
grep -q 'debian-12, debian-13 and ubuntu-24.04' "$work/out" || fail "the message should name the distributions it knows: $(cat "$work/out")"

echo "== installed already: a second run only checks"
if out=$("$kit/ci/setup" 2>&1); then
  grep -qE '^ci/setup: all [0-9]+ packages present' <<<"$out" || fail "ci/setup on a set-up machine should only check: $out"
else
  fail "ci/setup on a set-up machine should exit 0: $out"
fi

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
echo "ci/setup knows its distributions"
