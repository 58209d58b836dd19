#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Entente with warnings as errors and runs
# every test (unit and end-to-end); then builds it again with AddressSanitizer
# (leak detection included) and UndefinedBehaviorSanitizer and runs every test
# again: a sanitizer finding fails the run.
# Usage: scripts/test.sh [ctest args...]
#   scripts/test.sh -L unit                  # only unit tests (both passes)
#   ENTENTE_SANITIZERS=0 scripts/test.sh     # without the sanitized pass
#   ENTENTE_FUZZ_SMOKE=0 scripts/test.sh     # without the fuzzing smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD=${BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTENTE_WERROR=ON
cmake --build "$BUILD" -j "$(nproc)"
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)" "$@"

if [[ ${ENTENTE_SANITIZERS:-1} != 0 ]]; then
  # -O1 builds faster and keeps stacks readable; no -Werror: GCC warns falsely
  # (maybe-uninitialized) under -fsanitize, and the pass above holds warnings.
  SANITIZED=$BUILD-sanitized
  cmake -S . -B "$SANITIZED" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DENTENTE_SANITIZE=address,undefined -DENTENTE_BUILD_BENCHMARKS=OFF -DENTENTE_WERROR=OFF
  cmake --build "$SANITIZED" -j "$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$SANITIZED" --output-on-failure -j "$(nproc)" "$@"
fi

if [[ ${ENTENTE_FUZZ_SMOKE:-1} != 0 ]]; then
  # A smoke run of every libFuzzer target (docs/TESTING.md): it builds, it
  # runs on its seeds and finds nothing in a few seconds. Long runs: scripts/fuzz.sh 3600.
  scripts/fuzz.sh "${ENTENTE_FUZZ_SECONDS:-15}"
fi
